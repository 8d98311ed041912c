#!/usr/bin/env node
/**
 * `cdktf-mail-connect verify ...` (checks live DNS against mail-connect's records) and
 * `cdktf-mail-connect onboard ...` (plans a domain's move to mail-connect from its live DNS).
 * Runs the compiled dist/cli.js when the package is built (`npm run build`, done by
 * `npm pack`); otherwise (a checkout of the TypeScript sources) transpiles lib/cli.ts on
 * the fly: with SWC through scripts/swc-register.js (a development dependency), else with
 * ts-node, type checking off either way.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const compiled = path.join(__dirname, "..", "dist", "cli.js");
/** Registers a TypeScript transpiler for a checkout; false when neither is installed. */
function registerTypeScript() {
  try {
    require.resolve("@swc/core");
    require("../scripts/swc-register.js");
    return true;
  } catch {
    // no SWC (or no scripts/): try ts-node
  }
  try {
    require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });
    return true;
  } catch {
    return false;
  }
}

if (!fs.existsSync(compiled) && !registerTypeScript()) {
  process.stderr.write("cdktf-mail-connect: dist/cli.js is missing and neither @swc/core nor ts-node is installed: run `npm run build` (or `npm install`) first.\n");
  process.exit(2);
}

require(fs.existsSync(compiled) ? compiled : "../lib/cli")
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
