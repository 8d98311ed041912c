/**
 * Tests are type-checked once by `tsc --noEmit`, which `npm test` runs beside jest
 * (scripts/test.js); jest only transpiles each file, with SWC (@swc/jest), several times
 * faster than ts-jest and far faster than type-checking every test file again.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // The Node processes the tests start transpile with these options too (__tests__/support/swc-register.js).
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" }, sourceMaps: "inline" }],
  },
  // Installs BIND where it is missing (as root), or stops with the command to run.
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  // cdktf's matchers (cdktf loaded on first use); no token creation stacks (see setup.js).
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
  reporters: ["default", "<rootDir>/jest-summary-reporter.js"],
  testTimeout: 60000,
  // Jest's default is one worker fewer than the cores: on 2 cores one file at a time, while most
  // of the slow files wait on child processes (npm, cdktf, named, the CLI). Two files at once
  // keep both cores busy.
  maxWorkers: "100%",
};
