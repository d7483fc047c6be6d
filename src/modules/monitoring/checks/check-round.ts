// A round of checks: every monitor due (enabled, next_check_at passed) is claimed, checked with bounded
// concurrency, and its result written: one site_monitoring row, the monitor's counters and state, and
// the incident opened or resolved when the state crosses a threshold (rules/monitor-state.ts).
//
// Claiming moves next_check_at one interval ahead in the same statement that picks the rows (FOR
// UPDATE SKIP LOCKED), so two rounds (two workers, or a round outlasting the schedule) never take the
// same monitor. A result is written only if the monitor's last_checked_at is still the one claimed:
// a check that took longer than an interval and lost to a newer one is dropped, not counted twice.
// Results are written in batches (one statement for rows and counters), since 10,000 sites make 10,000
// results a round; the alerts part reads the incidents this writes, on its own schedule. The audit log
// records what changes an outage (an incident opened or resolved, by the system); the checks themselves
// are recorded in site_monitoring, not once more in the audit log.
import type { CheckType, MonitorState, Prisma, PrismaClient } from "@prisma/client";
import { auditRecord } from "../../../lib/audit.js";
import type { Logger } from "../../../lib/logger.js";
import { readSetting } from "../../settings/index.js";
import { nextMonitorState } from "../rules/monitor-state.js";
import { makeCheckEnv, type CheckEnvOptions, type CheckResult, type CheckSpec } from "./check-env.js";
import { runCheck } from "./run-check.js";
import { reservedName } from "../rules/check-target.js";

export interface ClaimedMonitor extends CheckSpec {
  id: number;
  siteId: number;
  state: MonitorState;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  failureThreshold: number;
  successThreshold: number;
  lastCheckedAt: Date | null;
}

export interface RoundOptions extends CheckEnvOptions {
  /** Checks running at once; default: the monitoring.check_concurrency setting. */
  concurrency?: number;
  /** Monitors claimed per statement; default: twice the concurrency (at least 100). */
  claimSize?: number;
  /** Results written per transaction. */
  writeSize?: number;
  /** Checks the monitors due at this time (default: the round's start). */
  at?: Date;
  log?: Logger;
}

export interface RoundSummary {
  /** Results written (a site_monitoring row each). */
  checked: number;
  up: number;
  down: number;
  incidentsOpened: number;
  incidentsResolved: number;
  /** Results dropped: the monitor was checked again meanwhile. */
  stale: number;
  /** Monitors of a reserved name (rules/check-target.ts reservedName) left unchecked. */
  skipped: number;
  ms: number;
}

const CLAIM_SQL = `
  WITH due AS (
    SELECT id FROM monitors
    WHERE enabled AND next_check_at <= $1::timestamptz
    ORDER BY next_check_at, id
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  UPDATE monitors m
  -- Past the round's time too, so one round never claims a monitor twice.
  SET next_check_at = greatest(now(), $1::timestamptz) + make_interval(secs => m.interval_seconds)
  FROM due
  WHERE m.id = due.id
  RETURNING m.id, m.site_id AS "siteId", m.type::text AS type, m.target, m.expected_status AS "expectedStatus",
    m.keyword, m.timeout_ms AS "timeoutMs", m.ssl_warning_days AS "sslWarningDays",
    m.dns_expected AS "dnsExpected", m.state::text AS state, m.consecutive_failures AS "consecutiveFailures",
    m.consecutive_successes AS "consecutiveSuccesses", m.failure_threshold AS "failureThreshold",
    m.success_threshold AS "successThreshold", m.last_checked_at AS "lastCheckedAt"`;

/** Claims up to `limit` monitors due at `at`, moving each one's next check an interval ahead. */
export async function claimDueMonitors(prisma: PrismaClient, at: Date, limit: number): Promise<ClaimedMonitor[]> {
  const rows = await prisma.$queryRawUnsafe<ClaimedMonitor[]>(CLAIM_SQL, at, limit);
  return rows.map((row) => ({
    ...row,
    lastCheckedAt: row.lastCheckedAt === null ? null : new Date(row.lastCheckedAt),
  }));
}

/** The rows and counters of a batch, in one statement; answers the monitors whose result was taken. */
const RECORD_SQL = `
  WITH v AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(
      monitor_id int, site_id int, check_type check_type, check_time timestamptz, status_code int,
      response_time_ms int, is_up boolean, error_message text, state monitor_state, failures int,
      successes int, prev_checked_at timestamptz)
  ),
  taken AS (
    UPDATE monitors m
    SET state = v.state, consecutive_failures = v.failures, consecutive_successes = v.successes,
      last_checked_at = v.check_time
    FROM v
    WHERE m.id = v.monitor_id AND m.last_checked_at IS NOT DISTINCT FROM v.prev_checked_at
    RETURNING m.id
  ),
  written AS (
    INSERT INTO site_monitoring (site_id, check_time, status_code, response_time_ms, is_up, error_message, check_type)
    SELECT v.site_id, v.check_time, v.status_code, v.response_time_ms, v.is_up, v.error_message, v.check_type
    FROM v JOIN taken ON taken.id = v.monitor_id
    RETURNING 1
  )
  SELECT id FROM taken`;

const OPEN_SQL = `
  INSERT INTO incidents (site_id, monitor_id, cause, opened_at) VALUES ($1, $2, $3, $4::timestamptz)
  ON CONFLICT (monitor_id) WHERE resolved_at IS NULL DO NOTHING
  RETURNING id, site_id AS "siteId", monitor_id AS "monitorId", cause, opened_at AS "openedAt"`;

const RESOLVE_SQL = `
  UPDATE incidents SET resolved_at = $2::timestamptz
  WHERE monitor_id = $1 AND resolved_at IS NULL
  RETURNING id, site_id AS "siteId", monitor_id AS "monitorId", cause, opened_at AS "openedAt",
    resolved_at AS "resolvedAt"`;

export interface CheckOutcome {
  monitor: ClaimedMonitor;
  result: CheckResult;
  checkedAt: Date;
}

type IncidentRow = { id: number; siteId: number; monitorId: number; cause: string; openedAt: Date };

/** A cause for the incidents table: the failing check's words. */
function causeOf(type: CheckType, result: CheckResult): string {
  return (result.errorMessage ?? `${type} check failed`).slice(0, 500);
}

/**
 * Writes a batch of results in one transaction: rows, counters and state, then each incident opened
 * (one open per monitor: the partial unique index decides a race) or resolved, audited as the system's.
 */
export async function recordOutcomes(
  prisma: PrismaClient,
  outcomes: readonly CheckOutcome[],
): Promise<Omit<RoundSummary, "ms" | "skipped">> {
  const summary = { checked: 0, up: 0, down: 0, incidentsOpened: 0, incidentsResolved: 0, stale: 0 };
  if (!outcomes.length) return summary;
  const planned = outcomes.map((o) => ({ ...o, next: nextMonitorState(o.monitor, o.result.isUp) }));
  const rows = planned.map(({ monitor, result, checkedAt, next }) => ({
    monitor_id: monitor.id,
    site_id: monitor.siteId,
    check_type: monitor.type,
    check_time: checkedAt.toISOString(),
    status_code: result.statusCode,
    response_time_ms: result.responseTimeMs,
    is_up: result.isUp,
    error_message: result.errorMessage,
    state: next.state,
    failures: next.consecutiveFailures,
    successes: next.consecutiveSuccesses,
    prev_checked_at: monitor.lastCheckedAt?.toISOString() ?? null,
  }));
  await prisma.$transaction(
    async (tx) => {
      const taken = await tx.$queryRawUnsafe<{ id: number }[]>(RECORD_SQL, JSON.stringify(rows));
      const ids = new Set(taken.map((t) => t.id));
      const audits: Prisma.AdminActivityLogCreateManyInput[] = [];
      for (const { monitor, result, checkedAt, next } of planned) {
        if (!ids.has(monitor.id)) {
          summary.stale++;
          continue;
        }
        summary.checked++;
        if (result.isUp) summary.up++;
        else summary.down++;
        if (next.incident === "open") {
          const [opened] = await tx.$queryRawUnsafe<IncidentRow[]>(
            OPEN_SQL,
            monitor.siteId,
            monitor.id,
            causeOf(monitor.type, result),
            checkedAt,
          );
          if (opened) {
            summary.incidentsOpened++;
            audits.push(
              auditRecord({
                action: "monitoring.incident_open",
                resourceType: "incidents",
                resourceId: opened.id,
                after: opened,
                adminId: null,
              }),
            );
          }
        } else if (next.incident === "resolve") {
          const [resolved] = await tx.$queryRawUnsafe<(IncidentRow & { resolvedAt: Date })[]>(
            RESOLVE_SQL,
            monitor.id,
            checkedAt,
          );
          if (resolved) {
            summary.incidentsResolved++;
            audits.push(
              auditRecord({
                action: "monitoring.incident_resolve",
                resourceType: "incidents",
                resourceId: resolved.id,
                before: { resolvedAt: null },
                after: { resolvedAt: resolved.resolvedAt },
                adminId: null,
              }),
            );
          }
        }
      }
      if (audits.length) await tx.adminActivityLog.createMany({ data: audits });
    },
    { timeout: 60_000 },
  );
  return summary;
}

/** Runs one round: every monitor due at the start (or `options.at`), until none is left. */
export async function runCheckRound(prisma: PrismaClient, options: RoundOptions = {}): Promise<RoundSummary> {
  const started = performance.now();
  const concurrency = options.concurrency ?? (await readSetting(prisma, "monitoring.check_concurrency"));
  const dnsServers = options.dnsServers ?? (await readSetting(prisma, "monitoring.dns_servers"));
  const claimSize = options.claimSize ?? Math.max(concurrency * 2, 100);
  const writeSize = options.writeSize ?? 250;
  const at = options.at ?? new Date();
  const env = makeCheckEnv({ ...options, dnsServers });
  const summary: RoundSummary = {
    checked: 0,
    up: 0,
    down: 0,
    incidentsOpened: 0,
    incidentsResolved: 0,
    stale: 0,
    skipped: 0,
    ms: 0,
  };

  const queue: ClaimedMonitor[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  let failure: unknown = null;
  /** The next monitor to check, claiming another batch when the last one is taken. */
  async function next(): Promise<ClaimedMonitor | undefined> {
    while (queue.length === 0 && !exhausted && failure === null) {
      claiming ??= claimDueMonitors(prisma, at, claimSize)
        .then((rows) => {
          queue.push(...rows);
          if (rows.length < claimSize) exhausted = true;
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => {
          claiming = null;
        });
      await claiming;
    }
    return failure === null ? queue.shift() : undefined;
  }

  // Written one batch at a time, while the checks go on.
  let pending: CheckOutcome[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    writing = writing
      .then(async () => {
        if (failure !== null) return;
        const written = await recordOutcomes(prisma, batch);
        for (const key of Object.keys(written) as (keyof typeof written)[]) summary[key] += written[key];
      })
      .catch((error: unknown) => {
        failure ??= error;
      });
  };

  try {
    const worker = async () => {
      for (let monitor = await next(); monitor; monitor = await next()) {
        // Claimed (its next check moved ahead), not checked: see reservedName.
        if (!dnsServers.length && reservedName(monitor.target)) {
          summary.skipped += 1;
          continue;
        }
        const checkedAt = new Date();
        const result = await runCheck(monitor, env);
        pending.push({ monitor, result, checkedAt });
        if (pending.length >= writeSize) flush();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    flush();
    await writing;
  } finally {
    await env.close();
  }
  if (failure !== null) throw failure;
  summary.ms = Math.round(performance.now() - started);
  // A round that checked nothing (every 30 s on a quiet portal, or only reserved names) is not news.
  const idle = summary.checked === 0;
  options.log?.[idle ? "debug" : "info"]({ ...summary }, "monitoring check round");
  return summary;
}
