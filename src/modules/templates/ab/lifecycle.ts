// An A/B test's life: draft -> running (start) -> completed (stop, or a winner declared); draft or
// running -> cancelled. Each step is a conditional update on the status, so two admins racing get one
// winner and a 409; one running test per template pair (partial unique index
// template_ab_tests_one_running_per_pair). Every step is audited in its transaction.
import type { PrismaClient, TemplateAbTest } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import { rollUpAbTestIn } from "./rollup.js";

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}

/** Starts a draft test: both versions set, each a version of its side's template. */
export async function startAbTest(prisma: PrismaClient, id: number, now = new Date()): Promise<TemplateAbTest> {
  requirePermission("templates", "test");
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.templateAbTest.findUnique({
        where: { id },
        include: { versionA: { select: { templateId: true } }, versionB: { select: { templateId: true } } },
      });
      if (!before) throw new AppError("not_found", `A/B test #${id} does not exist`);
      if (before.status !== "draft") throw new AppError("conflict", `A/B test #${id} is ${before.status}, not a draft`);
      const errors = [];
      if (!before.versionA) errors.push({ field: "versionAId", message: "is required to start" });
      else if (before.versionA.templateId !== before.templateAId)
        errors.push({ field: "versionAId", message: "must be a version of template A" });
      if (!before.versionB) errors.push({ field: "versionBId", message: "is required to start" });
      else if (before.versionB.templateId !== before.templateBId)
        errors.push({ field: "versionBId", message: "must be a version of template B" });
      if (errors.length) throw new AppError("validation", "The test cannot start", errors);
      const { count } = await tx.templateAbTest.updateMany({
        where: { id, status: "draft" },
        data: { status: "running", startedAt: now, startDate: now, endDate: null },
      });
      if (count === 0) throw new AppError("conflict", `A/B test #${id} was started or cancelled meanwhile`);
      const after = await tx.templateAbTest.findUniqueOrThrow({ where: { id } });
      const { versionA: _a, versionB: _b, ...row } = before;
      await writeAudit(tx, {
        action: "templates.ab_start",
        resourceType: "template_ab_tests",
        resourceId: id,
        before: row,
        after,
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError("conflict", "Another test of these two templates is running: stop it first");
    throw err;
  }
}

/** Stops a running test (completed), with a last rollup of its events. */
export async function stopAbTest(prisma: PrismaClient, id: number, now = new Date()): Promise<TemplateAbTest> {
  requirePermission("templates", "test");
  return prisma.$transaction(
    async (tx) => {
      const before = await tx.templateAbTest.findUnique({ where: { id } });
      if (!before) throw new AppError("not_found", `A/B test #${id} does not exist`);
      const { count } = await tx.templateAbTest.updateMany({
        where: { id, status: "running" },
        data: { status: "completed", endedAt: now, endDate: now },
      });
      if (count === 0) throw new AppError("conflict", `A/B test #${id} is ${before.status}, not running`);
      await rollUpAbTestIn(tx, id, now);
      const after = await tx.templateAbTest.findUniqueOrThrow({ where: { id } });
      await writeAudit(tx, {
        action: "templates.ab_stop",
        resourceType: "template_ab_tests",
        resourceId: id,
        before,
        after,
      });
      return after;
    },
    { timeout: 10 * 60_000 },
  );
}

/** Cancels a draft or running test: no verdict, its events kept. */
export async function cancelAbTest(prisma: PrismaClient, id: number, now = new Date()): Promise<TemplateAbTest> {
  requirePermission("templates", "test");
  return prisma.$transaction(async (tx) => {
    const before = await tx.templateAbTest.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `A/B test #${id} does not exist`);
    const { count } = await tx.templateAbTest.updateMany({
      where: { id, status: { in: ["draft", "running"] } },
      data: { status: "cancelled", endedAt: before.startedAt ? now : null },
    });
    if (count === 0) throw new AppError("conflict", `A/B test #${id} is already ${before.status}`);
    const after = await tx.templateAbTest.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, {
      action: "templates.ab_cancel",
      resourceType: "template_ab_tests",
      resourceId: id,
      before,
      after,
    });
    return after;
  });
}
