// The A/B report of one test: each variant's visitors and conversions of the test's goal, the
// conversion rates over time, the lift with its interval, the p-value, the sample ratio check, the
// planned sample size and the guards, from the daily rollups only (one indexed read, whatever the
// number of events).
import { Prisma, type PrismaClient } from "@prisma/client";
import { readSetting } from "../../settings/index.js";
import { activeGuards, type Guard } from "./rules/guards.js";
import {
  compareVariants,
  plannedSampleSize,
  sampleRatioMismatch,
  type Comparison,
  type SampleRatio,
} from "./rules/stats.js";

type Db = PrismaClient | Prisma.TransactionClient;

export interface DailyRow {
  day: Date;
  variant: "A" | "B";
  kind: "exposure" | "conversion";
  goal: string;
  visitors: number;
}

/** The report's one query (the bench measures it): a test's daily rows, in day order. */
export function readDailyRows(db: Db, testId: number): Promise<DailyRow[]> {
  return db.$queryRaw<DailyRow[]>`
    SELECT day, variant::text AS variant, kind::text AS kind, goal, visitors
      FROM template_ab_daily WHERE test_id = ${testId} ORDER BY day, variant, kind, goal`;
}

export interface AbVariantSide {
  variant: "A" | "B";
  template: { id: number; name: string };
  version: { id: number; version: string } | null;
  visitors: number;
  conversions: number;
  rate: number;
}

export interface AbReport {
  test: {
    id: number;
    name: string;
    status: string;
    goal: string;
    trafficSplit: number;
    startedAt: string | null;
    endedAt: string | null;
    winner: "A" | "B" | null;
    overrideReason: string | null;
    rolledUpAt: string | null;
  };
  variants: [AbVariantSide, AbVariantSide];
  /** Per day: visitors and conversions so far (cumulative) and the rates so far. */
  series: { day: string; visitorsA: number; visitorsB: number; rateA: number; rateB: number }[];
  comparison: Comparison | null;
  srm: SampleRatio;
  planned: { perVariant: number; baselineRate: number; minimumEffect: number; power: number };
  /** Running and below the planned size: a look now is a peek. */
  peeking: boolean;
  settings: { minConversions: number; alpha: number; power: number; srmThreshold: number };
  guards: Guard[];
  /** Other goals seen, for information (the verdict is on `test.goal`). */
  otherGoals: { goal: string; conversionsA: number; conversionsB: number }[];
}

export async function abReport(db: Db, testId: number): Promise<AbReport | null> {
  // Three reads at once: the test with its templates and versions, the settings, the daily rows.
  const [test, settings, rows] = await Promise.all([
    db.templateAbTest.findUnique({
      where: { id: testId },
      include: {
        templateA: { select: { id: true, name: true } },
        templateB: { select: { id: true, name: true } },
        versionA: { select: { id: true, version: true } },
        versionB: { select: { id: true, version: true } },
      },
    }),
    readSetting(db, "templates.ab_statistics"),
    readDailyRows(db, testId),
  ]);
  if (!test) return null;

  const totals = { A: { visitors: 0, conversions: 0 }, B: { visitors: 0, conversions: 0 } };
  const other = new Map<string, { A: number; B: number }>();
  const byDay = new Map<string, { A: { v: number; c: number }; B: { v: number; c: number } }>();
  for (const row of rows) {
    const day = row.day.toISOString().slice(0, 10);
    const entry = byDay.get(day) ?? { A: { v: 0, c: 0 }, B: { v: 0, c: 0 } };
    byDay.set(day, entry);
    if (row.kind === "exposure") {
      totals[row.variant].visitors += row.visitors;
      entry[row.variant].v += row.visitors;
    } else if (row.goal === test.goal) {
      totals[row.variant].conversions += row.visitors;
      entry[row.variant].c += row.visitors;
    } else {
      const o = other.get(row.goal) ?? { A: 0, B: 0 };
      o[row.variant] += row.visitors;
      other.set(row.goal, o);
    }
  }
  const run = { A: { v: 0, c: 0 }, B: { v: 0, c: 0 } };
  const rate = (c: number, v: number) => (v === 0 ? 0 : c / v);
  const series = [...byDay.entries()].map(([day, d]) => {
    run.A.v += d.A.v;
    run.A.c += d.A.c;
    run.B.v += d.B.v;
    run.B.c += d.B.c;
    return {
      day,
      visitorsA: run.A.v,
      visitorsB: run.B.v,
      rateA: rate(run.A.c, run.A.v),
      rateB: rate(run.B.c, run.B.v),
    };
  });

  const comparison =
    totals.A.visitors >= 2 && totals.B.visitors >= 2 ? compareVariants(totals.A, totals.B, settings.alpha) : null;
  const srm = sampleRatioMismatch(totals.A.visitors, totals.B.visitors, test.trafficSplit / 100, settings.srmThreshold);
  const baselineRate = test.baselineRate.toNumber();
  const minimumEffect = test.minimumEffect.toNumber();
  const perVariant = plannedSampleSize(baselineRate, minimumEffect, settings.alpha, settings.power);
  const guards = activeGuards({
    visitorsA: totals.A.visitors,
    visitorsB: totals.B.visitors,
    conversionsA: totals.A.conversions,
    conversionsB: totals.B.conversions,
    comparison,
    srm,
    plannedPerVariant: perVariant,
    minConversions: settings.minConversions,
    alpha: settings.alpha,
  });
  const side = (variant: "A" | "B"): AbVariantSide => ({
    variant,
    template: variant === "A" ? test.templateA : test.templateB,
    version: variant === "A" ? test.versionA : test.versionB,
    visitors: totals[variant].visitors,
    conversions: totals[variant].conversions,
    rate: rate(totals[variant].conversions, totals[variant].visitors),
  });
  return {
    test: {
      id: test.id,
      name: test.name,
      status: test.status,
      goal: test.goal,
      trafficSplit: test.trafficSplit,
      startedAt: test.startedAt?.toISOString() ?? null,
      endedAt: test.endedAt?.toISOString() ?? null,
      winner: test.winner,
      overrideReason: test.overrideReason,
      rolledUpAt: test.rolledUpAt?.toISOString() ?? null,
    },
    variants: [side("A"), side("B")],
    series,
    comparison,
    srm,
    planned: { perVariant, baselineRate, minimumEffect, power: settings.power },
    peeking: test.status === "running" && Math.min(totals.A.visitors, totals.B.visitors) < perVariant,
    settings,
    guards,
    otherGoals: [...other.entries()]
      .map(([goal, o]) => ({ goal, conversionsA: o.A, conversionsB: o.B }))
      .sort((x, y) => x.goal.localeCompare(y.goal)),
  };
}
