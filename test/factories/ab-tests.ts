// A/B tests: two templates with a version each, a test between them, and events in bulk.
import type { Prisma, PrismaClient } from "@prisma/client";
import { makeTemplate } from "./admin-resources.js";
import { insertAbEvents, type AbEventRow } from "../../src/modules/templates/ab/event-buffer.js";

let n = 0;

export async function makeAbTest(
  prisma: PrismaClient,
  overrides: Partial<Prisma.TemplateAbTestUncheckedCreateInput> = {},
) {
  const i = ++n;
  const [a, b] = [await makeTemplate(prisma), await makeTemplate(prisma)];
  const versionA = await prisma.templateVersion.create({
    data: { templateId: a.id, version: "1.0.0", configData: { sections: ["hero"] }, isActive: true },
  });
  const versionB = await prisma.templateVersion.create({
    data: { templateId: b.id, version: "1.0.0", configData: { sections: ["hero"] }, isActive: false },
  });
  await prisma.templateVersion.create({
    data: { templateId: b.id, version: "0.9.0", configData: { sections: [] }, isActive: true },
  });
  const test = await prisma.templateAbTest.create({
    data: {
      name: `Test ${i}-${process.pid}`,
      templateAId: a.id,
      templateBId: b.id,
      versionAId: versionA.id,
      versionBId: versionB.id,
      goal: "signup",
      ...overrides,
    },
  });
  return { test, templateA: a, templateB: b, versionA, versionB };
}

/**
 * `visitors` exposed visitors of `variant`, the first `conversions` of them converting to `goal`, each a
 * minute after its exposure (one multi-row insert per 5,000 events).
 */
export async function addVisitors(
  pool: Parameters<typeof insertAbEvents>[0],
  testId: number,
  variant: "A" | "B",
  visitors: number,
  conversions: number,
  options: { at?: Date; goal?: string; prefix?: string } = {},
): Promise<void> {
  const at = options.at ?? new Date();
  const rows: AbEventRow[] = [];
  const prefix = options.prefix ?? `${variant}`;
  for (let v = 0; v < visitors; v++) {
    const visitorId = `${prefix}-${v}`;
    rows.push({ testId, eventId: `${visitorId}-x`, visitorId, variant, kind: "exposure", goal: null, occurredAt: at });
    if (v < conversions)
      rows.push({
        testId,
        eventId: `${visitorId}-c`,
        visitorId,
        variant,
        kind: "conversion",
        goal: options.goal ?? "signup",
        occurredAt: new Date(at.getTime() + 60_000),
      });
  }
  for (let i = 0; i < rows.length; i += 5_000) await insertAbEvents(pool, rows.slice(i, i + 5_000));
}
