/**
 * Tests are type-checked once by `tsc --noEmit` (see `npm test`); ts-jest only
 * transpiles each file (isolatedModules in tsconfig.json), which is several
 * times faster than type-checking every test file again.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
  reporters: ["default", "<rootDir>/jest-summary-reporter.js"],
  testTimeout: 60000,
};
