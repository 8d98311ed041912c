/**
 * Runs TypeScript in the Node processes the tests start themselves (`node --require
 * ./__tests__/support/swc-register.js ...`): each .ts file is transpiled with SWC
 * (@swc/core, type checking off) with the very options of jest's transform (jest.config.js),
 * so a child runs lib/ exactly as the tests in jest do. ts-node (transpile-only, even with
 * SWC) loads the TypeScript compiler to read tsconfig.json and installs a source-map stack
 * formatter that cdktf's token traces go through: about three times the start-up CPU of this
 * hook. What users run is not changed: the bin and cdktf.json's app go through ts-node.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { transformSync } = require("@swc/core");

const jestConfig = require(path.join(__dirname, "..", "..", "jest.config.js"));
const [, swcOptions] = Object.values(jestConfig.transform).find(([transformer]) => transformer === "@swc/jest");

require.extensions[".ts"] = (module, filename) => {
  module._compile(transformSync(fs.readFileSync(filename, "utf8"), { ...swcOptions, filename }).code, filename);
};
