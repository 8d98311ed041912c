#!/usr/bin/env node
/**
 * `cdktf-mail-connect verify ...` (checks live DNS against mail-connect's records) and
 * `cdktf-mail-connect onboard ...` (plans a domain's move to mail-connect from its live DNS).
 * Runs the compiled dist/cli.js when the package is built (`npm run build`, done by
 * `npm pack`); otherwise (a checkout of the TypeScript sources) registers ts-node,
 * type-checking off, and runs lib/cli.ts.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const compiled = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(compiled)) {
  let tsNode;
  try {
    tsNode = require("ts-node");
  } catch {
    process.stderr.write("cdktf-mail-connect: dist/cli.js is missing and ts-node is not installed: run `npm run build` (or `npm install`) first.\n");
    process.exit(2);
  }
  tsNode.register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });
}

require(fs.existsSync(compiled) ? compiled : "../lib/cli")
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
