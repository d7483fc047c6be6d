// Three projects: `unit` (pure functions beside the code and the test helpers', no PostgreSQL, Redis or set-up),
// `integration` (*.int.test.ts beside the code and test/integration, real PostgreSQL and Redis) and
// `e2e` (test/e2e, the browser). `npm test` runs all three; `--selectProjects <name>` runs one.
const swc = [
  "@swc/jest",
  {
    jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022" },
    module: { type: "es6" },
  },
];

/** Shared by every project. */
const base = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
};

/** The test databases (one per worker) and the per-file reset of tables and Redis keys. */
const withServices = {
  globalSetup: "<rootDir>/test/helpers/global-setup.js",
  globalTeardown: "<rootDir>/test/helpers/global-teardown.js",
  setupFilesAfterEnv: ["<rootDir>/test/helpers/per-file-setup.ts"],
};

/** @type {import("jest").Config} */
const config = {
  // Read from the global configuration only (a project's own testTimeout is ignored).
  testTimeout: 30_000,
  maxWorkers: 2,
  // A worker that holds more than this after a file is replaced before the next: the walk's worker keeps
  // a browser's worth of observations, and the file after it in the same worker ran out of heap.
  workerIdleMemoryLimit: "1GB",
  projects: [
    {
      ...base,
      displayName: "unit",
      globalSetup: "<rootDir>/test/helpers/test-secrets.js",
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/helpers/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "\\.int\\.test\\.ts$"],
    },
    {
      ...base,
      ...withServices,
      displayName: "integration",
      testMatch: ["<rootDir>/src/**/*.int.test.ts", "<rootDir>/test/integration/**/*.test.ts"],
    },
    {
      ...base,
      ...withServices,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      // The walk of every page (test/e2e/walk.test.ts) is one of them; `npm run test:walk` runs it alone.
    },
  ],
};

export default config;
