#!/usr/bin/env node
/**
 * `npm test`: the type check (`tsc --noEmit`) and jest at the same time, so the type check
 * costs no wall time of its own. Jest's output streams as usual; the type checker's is
 * printed after jest when it found errors. Exits non-zero when either fails. Extra
 * arguments go to jest (`npm test -- __tests__/firewall.test.ts`).
 */
"use strict";
const { spawn } = require("child_process");
const { createHash } = require("crypto");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");

/** The file of a package's bin (its main file lies in the package's `lib/` or `build/`). */
function binOf(pkg, bin) {
  return path.join(path.dirname(require.resolve(pkg, { paths: [ROOT] })), "..", "bin", bin);
}

/** Runs `script` with node; resolves with its exit code and collected output. */
function run(script, args, stdio) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("error", (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function main() {
  // Incremental: a warm run re-checks only what changed since the last one. The state is kept
  // per checkout in the temporary directory, so that it outlives `npm ci` (a cold check costs
  // three times the CPU of a warm one); tsc compares every file's text, so it is never stale.
  const buildInfo = path.join(os.tmpdir(), `cdktf-mail-connect-typecheck-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.tsbuildinfo`);
  const typecheck = run(binOf("typescript", "tsc"), ["--noEmit", "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", buildInfo], ["ignore", "pipe", "pipe"]);
  const jest = run(binOf("jest", "jest.js"), process.argv.slice(2), "inherit");
  const [tsc, tests] = await Promise.all([typecheck, jest]);
  if (tsc.code !== 0) {
    const errors = (tsc.output.match(/error TS\d+/g) ?? []).length;
    process.stderr.write(`${tsc.output}\ntsc --noEmit failed with ${errors} error${errors === 1 ? "" : "s"} (see above); npm test fails.\n`);
  }
  process.exitCode = tsc.code !== 0 ? 1 : tests.code;
}

main();
