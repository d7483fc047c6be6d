// Test databases: one migrated template, cloned once per jest worker, so test files running in
// parallel never share rows. Never the dev database: names end in _test.
const BASE = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin_test";

export function templateDatabaseUrl(): string {
  return BASE;
}

export function workerDatabaseUrl(workerId: string | number = process.env.JEST_WORKER_ID ?? "1"): string {
  const url = new URL(BASE);
  url.pathname = `${url.pathname}_w${workerId}`;
  return url.toString();
}
