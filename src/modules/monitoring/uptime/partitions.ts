// The retention of raw checks (issue 14, item 3): site_monitoring is partitioned by UTC day of check_time
// (migration monitoring_uptime). The job creates the partitions of the days ahead and drops those wholly
// behind the retention period (setting monitoring.raw_retention_days): dropping a day is instant and
// leaves no dead rows, where deleting millions of rows would not. What uptime needs of those days is in
// the daily rollups, which the job brings up to date first.
import type { PrismaClient } from "@prisma/client";
import { runRollup } from "./rollup.js";

const DAY = 86_400_000;
const PARTITION = /^site_monitoring_p(\d{4})(\d{2})(\d{2})$/;

/** The partition table of a UTC day: site_monitoring_p20261206. */
export function partitionName(day: Date): string {
  return `site_monitoring_p${day.toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/** The days that have a partition, oldest first (UTC midnights). */
export async function partitionDays(prisma: PrismaClient): Promise<Date[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'site_monitoring'::regclass`;
  return rows
    .map((r) => PARTITION.exec(r.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))
    .sort((a, b) => a.getTime() - b.getTime());
}

export interface PartitionPlan {
  create: Date[];
  drop: Date[];
}

/**
 * Which day partitions to create (every day from the first kept to `aheadDays` after today) and to
 * drop (every day ending at or before the start of the first kept day). Pure.
 */
export function planPartitions(existing: Date[], now: Date, retentionDays: number, aheadDays: number): PartitionPlan {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const firstKept = today - retentionDays * DAY;
  const have = new Set(existing.map((d) => d.getTime()));
  const create: Date[] = [];
  for (let d = firstKept; d <= today + aheadDays * DAY; d += DAY) if (!have.has(d)) create.push(new Date(d));
  return { create, drop: existing.filter((d) => d.getTime() < firstKept) };
}

/**
 * Creates one day's partition. Rows of that day that were written before it existed sit in the default
 * partition: they move into the new table before it is attached (PostgreSQL refuses to attach a range
 * that the default partition still holds rows of).
 */
async function createPartition(prisma: PrismaClient, day: Date): Promise<void> {
  const name = partitionName(day);
  const from = day.toISOString();
  const to = new Date(day.getTime() + DAY).toISOString();
  await prisma.$transaction(async (tx) => {
    // The names are built from a date, never from input.
    await tx.$executeRawUnsafe(
      `CREATE TABLE "${name}" (LIKE site_monitoring INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    await tx.$executeRawUnsafe(
      `WITH moved AS (DELETE FROM site_monitoring_default WHERE check_time >= $1::timestamptz AND check_time < $2::timestamptz RETURNING *)
       INSERT INTO "${name}" SELECT * FROM moved`,
      from,
      to,
    );
    await tx.$executeRawUnsafe(
      `ALTER TABLE site_monitoring ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`,
    );
  });
}

export interface RetentionResult {
  created: string[];
  dropped: string[];
  /** Rows of the default partition older than the retention period, deleted. */
  deletedFromDefault: number;
}

/** Rolls up, then creates the partitions ahead and drops those behind the retention period. */
export async function runRetention(
  prisma: PrismaClient,
  options: { now?: Date; retentionDays: number; aheadDays?: number },
): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  await runRollup(prisma, now);
  const plan = planPartitions(await partitionDays(prisma), now, options.retentionDays, options.aheadDays ?? 7);
  for (const day of plan.create) await createPartition(prisma, day);
  for (const day of plan.drop) await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "${partitionName(day)}"`);
  const firstKept = new Date(Math.floor(now.getTime() / DAY) * DAY - options.retentionDays * DAY);
  const deletedFromDefault = await prisma.$executeRaw`
    DELETE FROM site_monitoring_default WHERE check_time < ${firstKept}`;
  return { created: plan.create.map(partitionName), dropped: plan.drop.map(partitionName), deletedFromDefault };
}
