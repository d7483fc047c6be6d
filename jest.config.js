/** @type {import("jest").Config} */
const config = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022" },
        module: { type: "es6" },
      },
    ],
  },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
  globalSetup: "<rootDir>/test/helpers/global-setup.js",
  globalTeardown: "<rootDir>/test/helpers/global-teardown.js",
  setupFilesAfterEnv: ["<rootDir>/test/helpers/per-file-setup.ts"],
  testTimeout: 30_000,
  maxWorkers: 2,
};

export default config;
