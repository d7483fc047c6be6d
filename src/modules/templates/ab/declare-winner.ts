// "Declare winner": refused while a guard holds (too few conversions, a sample ratio mismatch, below the
// planned sample size, not significant) unless the admin gives a reason to override, which is kept on
// the test and in the audit row with the guards it overrode. The test is rolled up first, so the
// verdict reads every event received; the winner's template version is activated in the same
// transaction, and the test ends (completed). A second declaration is a 409.
import type { PrismaClient, TemplateAbTest } from "@prisma/client";
import { z } from "zod";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import { activateVersion } from "../versions/index.js";
import { abReport } from "./report.js";
import { rollUpAbTestIn } from "./rollup.js";
import { decideDeclaration, MIN_OVERRIDE_REASON } from "./rules/guards.js";

export const ZDeclareWinner = z
  .object({
    variant: z.enum(["A", "B"]).describe("the winning variant"),
    overrideReason: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .describe(`why a winner is declared while a guard holds (at least ${MIN_OVERRIDE_REASON} characters)`),
  })
  .strict();

export type DeclareWinnerInput = z.infer<typeof ZDeclareWinner>;

export async function declareWinner(
  prisma: PrismaClient,
  id: number,
  input: DeclareWinnerInput,
  now = new Date(),
): Promise<TemplateAbTest> {
  requirePermission("templates", "test");
  return prisma.$transaction(
    async (tx) => {
      const before = await tx.templateAbTest.findUnique({ where: { id } });
      if (!before) throw new AppError("not_found", `A/B test #${id} does not exist`);
      if (before.winner) throw new AppError("conflict", `A/B test #${id} already has a winner (${before.winner})`);
      if (before.status !== "running" && before.status !== "completed")
        throw new AppError(
          "conflict",
          `A/B test #${id} is ${before.status}: only a running or completed test has a winner`,
        );
      await rollUpAbTestIn(tx, id, now);
      const report = (await abReport(tx, id))!;
      const decision = decideDeclaration(report.guards, input.overrideReason);
      if (!decision.ok)
        throw new AppError("validation", `A guard holds: ${decision.guards.join(", ")}`, [
          {
            field: "overrideReason",
            message: `required (at least ${MIN_OVERRIDE_REASON} characters) while a guard holds: ${decision.guards.join(", ")}`,
          },
        ]);
      const versionId = input.variant === "A" ? before.versionAId : before.versionBId;
      if (versionId === null)
        throw new AppError("validation", "The winner has no template version", [
          { field: "variant", message: "names a variant without a template version" },
        ]);
      const { count } = await tx.templateAbTest.updateMany({
        where: { id, winner: null, status: { in: ["running", "completed"] } },
        data: {
          winner: input.variant,
          overrideReason: decision.overridden.length ? input.overrideReason! : null,
          status: "completed",
          endedAt: before.endedAt ?? now,
          endDate: before.endDate ?? now,
        },
      });
      if (count === 0) throw new AppError("conflict", `A/B test #${id} got a winner or changed meanwhile`);
      // The versions module's activation, in this transaction: its race guard and its own audit row.
      await activateVersion(tx, versionId, {
        reason: `A/B test #${id}: variant ${input.variant} declared the winner`,
        permission: "test",
        alreadyActive: "return",
        now,
      });
      const after = await tx.templateAbTest.findUniqueOrThrow({ where: { id } });
      await writeAudit(tx, {
        action: "templates.ab_declare_winner",
        resourceType: "template_ab_tests",
        resourceId: id,
        before,
        after: {
          ...after,
          activatedVersionId: versionId,
          overriddenGuards: decision.overridden,
          pValue: report.comparison?.pValue ?? null,
        },
      });
      return after;
    },
    { timeout: 10 * 60_000 },
  );
}
