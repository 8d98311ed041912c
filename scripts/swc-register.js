/**
 * Runs TypeScript from a checkout of this repository (`node --require ./scripts/swc-register.js
 * ...`): each .ts file is transpiled with SWC (@swc/core, type checking off) with the very
 * options of jest's transform (jest.config.js), so a child process runs lib/ exactly as the
 * tests in jest do. Used by the Node processes the tests start, and by bin/ when dist/ is not
 * built. ts-node (transpile-only, even with SWC) loads the TypeScript compiler to read
 * tsconfig.json and installs a source-map stack formatter that cdktf's token traces go
 * through: about three times the start-up CPU of this hook. The published package runs
 * dist/ and never loads this file.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { transformSync } = require("@swc/core");

const jestConfig = require(path.join(__dirname, "..", "jest.config.js"));
const [, swcOptions] = Object.values(jestConfig.transform).find(([transformer]) => transformer === "@swc/jest");

require.extensions[".ts"] = (module, filename) => {
  module._compile(transformSync(fs.readFileSync(filename, "utf8"), { ...swcOptions, filename }).code, filename);
};
