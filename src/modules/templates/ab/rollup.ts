// The daily rollup of an A/B test: its events become template_ab_daily rows per day, variant and goal.
// A visitor counts once, on the day of its first exposure; a conversion counts once per visitor and goal,
// on the day of its first conversion after that exposure (so the days sum to distinct visitors, the unit
// of the statistics). The whole test is recomputed from its events and its rows replaced in one
// transaction: idempotent, so a retried job or two runs at once leave the same rows. The report reads
// only these rows, which keeps it fast at millions of events.
import type { Prisma, PrismaClient } from "@prisma/client";

type Tx = Prisma.TransactionClient;

/** Recomputes one test's daily rows from its events; answers the rows written. */
export async function rollUpAbTestIn(tx: Tx, testId: number, now: Date): Promise<number> {
  // Two runs for one test (the schedule beside a stop) wait for each other.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('template_ab_rollup'), ${testId}::int)`;
  await tx.$executeRaw`DELETE FROM template_ab_daily WHERE test_id = ${testId}`;
  const written = await tx.$executeRaw`
    WITH exposed AS (
      SELECT visitor_id, variant, min(occurred_at) AS first_at
        FROM template_ab_events
       WHERE test_id = ${testId}::int AND kind = 'exposure'
       GROUP BY visitor_id, variant),
    converted AS (
      SELECT c.visitor_id, c.variant, c.goal, min(c.occurred_at) AS first_at
        FROM template_ab_events c
        JOIN exposed e ON e.visitor_id = c.visitor_id AND e.variant = c.variant AND c.occurred_at >= e.first_at
       WHERE c.test_id = ${testId}::int AND c.kind = 'conversion'
       GROUP BY c.visitor_id, c.variant, c.goal)
    INSERT INTO template_ab_daily (test_id, day, variant, kind, goal, visitors)
    SELECT ${testId}::int, (first_at AT TIME ZONE 'UTC')::date, variant, 'exposure'::ab_event_kind, '', count(*)::int
      FROM exposed GROUP BY 2, 3
    UNION ALL
    SELECT ${testId}::int, (first_at AT TIME ZONE 'UTC')::date, variant, 'conversion'::ab_event_kind, goal, count(*)::int
      FROM converted GROUP BY 2, 3, 5`;
  await tx.$executeRaw`UPDATE template_ab_tests SET rolled_up_at = ${now} WHERE id = ${testId}`;
  return written;
}

export async function rollUpAbTest(prisma: PrismaClient, testId: number, now = new Date()): Promise<number> {
  return prisma.$transaction((tx) => rollUpAbTestIn(tx, testId, now), { timeout: 10 * 60_000 });
}

/** Every running test, one transaction each (a long test does not hold the others' rows). */
export async function rollUpRunningAbTests(
  prisma: PrismaClient,
  now = new Date(),
): Promise<{ tests: number; rows: number }> {
  const running = await prisma.templateAbTest.findMany({ where: { status: "running" }, select: { id: true } });
  let rows = 0;
  for (const { id } of running) rows += await rollUpAbTest(prisma, id, now);
  return { tests: running.length, rows };
}
