#!/usr/bin/env node
/**
 * `cdktf-mail-connect verify ...`: checks live DNS against mail-connect's records.
 * Runs the compiled dist/verify/cli.js when the package is built (`npm run build`, done by
 * `npm pack`); otherwise (a checkout of the TypeScript sources) registers ts-node,
 * type-checking off, and runs lib/verify/cli.ts.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const compiled = path.join(__dirname, "..", "dist", "verify", "cli.js");
if (!fs.existsSync(compiled)) {
  let tsNode;
  try {
    tsNode = require("ts-node");
  } catch {
    process.stderr.write("cdktf-mail-connect: dist/verify/cli.js is missing and ts-node is not installed: run `npm run build` (or `npm install`) first.\n");
    process.exit(2);
  }
  tsNode.register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });
}

require(fs.existsSync(compiled) ? compiled : "../lib/verify/cli")
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
