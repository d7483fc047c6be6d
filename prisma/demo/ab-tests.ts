// The template A/B tests and their events: a completed test, a running test with enough data for a
// verdict (B converts better, every guard clear), a running test with a sample ratio mismatch (a
// tracking fault drops some of A's exposures), and a running test too young to conclude. Visitors are
// assigned as /ab/assign assigns them (the hash of test and visitor); seed.ts rolls the events up with
// the rollup job's function.
import type { Prisma } from "@prisma/client";
import { assignVariant } from "../../src/modules/templates/ab/rules/assignment.js";
import { createRng } from "./random.js";
import type { Staff } from "./staff.js";
import type { DemoTemplates } from "./templates.js";
import { addMs, DAY, HOUR, startOfUtcDay } from "./time.js";

export interface DemoAbEvent {
  testId: number;
  eventId: string;
  visitorId: string;
  variant: "A" | "B";
  kind: "exposure" | "conversion";
  goal: string | null;
  occurredAt: string;
}

export interface DemoAbTests {
  tests: Prisma.TemplateAbTestCreateManyInput[];
  events: DemoAbEvent[];
}

interface Traffic {
  testId: number;
  split: number;
  from: Date;
  to: Date;
  visitors: number;
  rates: { A: number; B: number };
  goal: string;
  /** Share of A's exposures lost by a faulty tracker (the SRM test). */
  lostA?: number;
}

function simulate(seed: number, t: Traffic, out: DemoAbEvent[]): void {
  const rng = createRng(seed, `ab-test-${t.testId}`);
  const span = t.to.getTime() - t.from.getTime();
  for (let i = 0; i < t.visitors; i++) {
    const visitorId = `demo-${t.testId}-${i.toString(36)}`;
    const variant = assignVariant(t.testId, visitorId, t.split);
    // Traffic grows a little over the test: later arrivals are denser.
    const at = t.from.getTime() + Math.sqrt(rng.next()) * span * 0.98;
    if (variant === "A" && t.lostA && rng.chance(t.lostA)) continue;
    out.push({
      testId: t.testId,
      eventId: `${visitorId}-x`,
      visitorId,
      variant,
      kind: "exposure",
      goal: null,
      occurredAt: new Date(at).toISOString(),
    });
    // A second page: a repeated exposure, counted once.
    if (rng.chance(0.3))
      out.push({
        testId: t.testId,
        eventId: `${visitorId}-x2`,
        visitorId,
        variant,
        kind: "exposure",
        goal: null,
        occurredAt: new Date(at + 60_000).toISOString(),
      });
    if (rng.chance(t.rates[variant]))
      out.push({
        testId: t.testId,
        eventId: `${visitorId}-c`,
        visitorId,
        variant,
        kind: "conversion",
        goal: t.goal,
        occurredAt: new Date(Math.min(at + rng.int(1, 40) * 60_000, t.to.getTime() - 1)).toISOString(),
      });
    if (rng.chance(0.02))
      out.push({
        testId: t.testId,
        eventId: `${visitorId}-n`,
        visitorId,
        variant,
        kind: "conversion",
        goal: "newsletter",
        occurredAt: new Date(Math.min(at + 5 * 60_000, t.to.getTime() - 1)).toISOString(),
      });
  }
}

export function buildAbTests(seed: number, now: Date, staff: Staff, templates: DemoTemplates): DemoAbTests {
  const { idByKey } = templates;
  const activeVersion = (templateId: number) =>
    templates.versions.find((v) => v.templateId === templateId && v.isActive)!.id!;
  const day = (offset: number) => startOfUtcDay(addMs(now, offset * DAY));
  const pair = (a: number, b: number) => ({
    templateAId: a,
    templateBId: b,
    versionAId: activeVersion(a),
    versionBId: activeVersion(b),
  });
  const tests: Prisma.TemplateAbTestCreateManyInput[] = [
    {
      id: 1,
      name: "Instituts : Bien-être Zen contre Boutique Gourmande",
      ...pair(idByKey["bien-etre"], idByKey.commerces),
      trafficSplit: 30,
      goal: "rendez_vous",
      startDate: day(-75),
      endDate: day(-45),
      startedAt: addMs(day(-75), 9 * HOUR),
      endedAt: addMs(day(-45), 18 * HOUR),
      status: "completed",
      createdBy: staff.admin,
      createdAt: addMs(day(-76), 15 * HOUR),
    },
    {
      id: 2,
      name: "Boulangeries : Boutique Gourmande contre Artisan Pro",
      ...pair(idByKey.commerces, idByKey.artisans),
      trafficSplit: 50,
      goal: "devis",
      baselineRate: "0.1000",
      minimumEffect: "0.2000",
      startDate: day(-21),
      startedAt: addMs(day(-21), 9 * HOUR),
      status: "running",
      createdBy: staff.superAdmin,
      createdAt: addMs(day(-22), 11 * HOUR),
    },
    {
      id: 3,
      name: "Artisans : Artisan Pro contre Bien-être Zen (suivi défaillant)",
      ...pair(idByKey.artisans, idByKey["bien-etre"]),
      trafficSplit: 50,
      goal: "devis",
      baselineRate: "0.0800",
      minimumEffect: "0.2500",
      startDate: day(-14),
      startedAt: addMs(day(-14), 10 * HOUR),
      status: "running",
      createdBy: staff.admin,
      createdAt: addMs(day(-15), 16 * HOUR),
    },
    {
      id: 4,
      name: "Commerces : Boutique Gourmande contre Bien-être Zen (démarré hier)",
      ...pair(idByKey.commerces, idByKey["bien-etre"]),
      trafficSplit: 50,
      goal: "devis",
      startDate: day(-1),
      startedAt: addMs(day(-1), 8 * HOUR),
      status: "running",
      createdBy: staff.editor,
      createdAt: addMs(day(-2), 17 * HOUR),
    },
  ];
  const events: DemoAbEvent[] = [];
  simulate(
    seed,
    {
      testId: 2,
      split: 50,
      from: addMs(day(-21), 9 * HOUR),
      to: now,
      visitors: 9_600,
      rates: { A: 0.1, B: 0.125 },
      goal: "devis",
    },
    events,
  );
  simulate(
    seed,
    {
      testId: 3,
      split: 50,
      from: addMs(day(-14), 10 * HOUR),
      to: now,
      visitors: 10_700,
      rates: { A: 0.08, B: 0.09 },
      goal: "devis",
      lostA: 0.085,
    },
    events,
  );
  simulate(
    seed,
    {
      testId: 4,
      split: 50,
      from: addMs(day(-1), 8 * HOUR),
      to: now,
      visitors: 160,
      rates: { A: 0.05, B: 0.06 },
      goal: "devis",
    },
    events,
  );
  return { tests, events };
}
