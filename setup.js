/**
 * Jest's setup for every test file.
 *
 * 1. cdktf's jest matchers (`toHaveResourceWithProperties` and the others of
 *    `Testing.setupJest()`), registered under their names at once but loaded with cdktf only
 *    when a test first uses one: a file that never builds a construct does not load cdktf.
 * 2. cdktf records the whole call stack at every token it creates (`Error.captureStackTrace`
 *    on a plain object, a dozen per domain), kept only for the text of its own errors, and
 *    jest's stack formatter source-maps every frame of each: a large part of every synth
 *    test's time. In the test realm such plain objects get no trace (cdktf then keeps an
 *    empty creation stack); every Error still gets its full, source-mapped trace.
 * 3. cdktf checks the Terraform version for every import block at synth, each time running
 *    `terraform version` (tens of milliseconds; the adoption and onboarding tests synthesize
 *    hundreds of import blocks). The real binary runs the first time in each test process; its
 *    output is kept for that exact command, so later checks of the same binary evaluate the
 *    same output. Every other command runs as usual.
 */
"use strict";

const CDKTF_MATCHERS = [
  "toHaveResource",
  "toHaveResourceWithProperties",
  "toHaveDataSource",
  "toHaveDataSourceWithProperties",
  "toHaveProvider",
  "toHaveProviderWithProperties",
  "toBeValidTerraform",
  "toPlanSuccessfully",
];

let cdktfMatchers;
/** The matchers `Testing.setupJest()` registers, as it passes them to `expect.extend`. */
function loadCdktfMatchers() {
  if (cdktfMatchers === undefined) {
    const jestExpect = global.expect;
    global.expect = { extend: (matchers) => (cdktfMatchers = matchers) };
    try {
      require("cdktf").Testing.setupJest();
    } finally {
      global.expect = jestExpect;
    }
  }
  return cdktfMatchers;
}

expect.extend(
  Object.fromEntries(
    CDKTF_MATCHERS.map((name) => [
      name,
      function (...args) {
        return loadCdktfMatchers()[name].apply(this, args);
      },
    ]),
  ),
);

const captureStackTrace = Error.captureStackTrace;
Error.captureStackTrace = function (target, below) {
  if (target instanceof Error) captureStackTrace(target, below ?? Error.captureStackTrace);
};

const childProcess = require("child_process");
const execSync = childProcess.execSync;
const TERRAFORM_VERSION = `${process.env.TERRAFORM_BINARY_NAME || "terraform"} version`;
let terraformVersionOutput;
childProcess.execSync = function (command, options) {
  if (command !== TERRAFORM_VERSION) return execSync.apply(this, arguments);
  if (terraformVersionOutput === undefined) terraformVersionOutput = execSync.call(this, command, { ...options, encoding: "buffer" });
  return options && typeof options.encoding === "string" && options.encoding !== "buffer" ? terraformVersionOutput.toString(options.encoding) : Buffer.from(terraformVersionOutput);
};
