// Test databases: each `npm test` run migrates its own template and clones it once per jest worker,
// so files running in parallel never share rows, and two runs on one machine (a developer's and CI's)
// never drop each other's databases. Never the dev database: the base name must end in _test.
const BASE = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin_test";

/** Set by global-setup.js for the whole run (the jest parent's pid). */
const run = () => process.env.LOCOD_TEST_RUN ?? "0";

function named(suffix: string): string {
  const url = new URL(BASE);
  url.pathname = `${url.pathname}${suffix}`;
  return url.toString();
}

export function baseDatabaseName(): string {
  return new URL(BASE).pathname.slice(1);
}

export function templateDatabaseUrl(): string {
  return named(`_${run()}`);
}

export function workerDatabaseUrl(workerId: string | number = process.env.JEST_WORKER_ID ?? "1"): string {
  return named(`_${run()}_w${workerId}`);
}
