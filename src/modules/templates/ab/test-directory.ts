// The running A/B tests, for /ab/assign and /ab/events: read once, then again every 10 seconds (a test
// started is served within 10 s; one stopped, refused). An unknown id triggers a reload at most every
// 2 seconds, so a flood of bad ids costs no queries.
import type pg from "pg";

const FRESH_MS = 10_000;
const MISS_RELOAD_MS = 2_000;

export interface LiveTest {
  id: number;
  trafficSplit: number;
  versionAId: number | null;
  versionBId: number | null;
}

export interface TestDirectory {
  running(id: number): Promise<LiveTest | null>;
}

export function testDirectory(pool: Pick<pg.Pool, "query">, clock: () => number = Date.now): TestDirectory {
  let tests = new Map<number, LiveTest>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  const reload = () => {
    loading ??= pool
      .query<{ id: number; traffic_split: number; version_a_id: number | null; version_b_id: number | null }>(
        "SELECT id, traffic_split, version_a_id, version_b_id FROM template_ab_tests WHERE status = 'running'",
      )
      .then(({ rows }) => {
        tests = new Map(
          rows.map((r) => [
            r.id,
            { id: r.id, trafficSplit: r.traffic_split, versionAId: r.version_a_id, versionBId: r.version_b_id },
          ]),
        );
        loadedAt = clock();
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
  return {
    async running(id) {
      const age = clock() - loadedAt;
      if (age > FRESH_MS || (!tests.has(id) && age > MISS_RELOAD_MS)) await reload();
      return tests.get(id) ?? null;
    },
  };
}
