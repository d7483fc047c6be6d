// Activating a template version, and rolling back to the one it replaced. Exactly one version of a
// template is active (the one new sites get): the partial unique index template_versions_one_active
// holds it, and the switch is a pair of conditional updates, so of concurrent activations one wins and
// the others are told of the conflict (409) instead of leaving two active or none. Audited in the
// transaction of the change. Callers: the version's AdminJS action, REST, and the A/B tests' "declare
// winner" (which passes its own transaction).
import type { Prisma, PrismaClient, TemplateVersion } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { adapterCause } from "../../../db/pg-errors.js";
import { requirePermission } from "../../auth/index.js";

export type TemplatesDb = PrismaClient | Prisma.TransactionClient;

export interface ActivateVersionOptions {
  /** Why, kept in the audit trail (an A/B test's verdict, an incident). */
  reason?: string;
  /** The permission the acting admin needs: "edit" (default), or "test" when an A/B test's winner is declared. */
  permission?: "edit" | "test";
  /** What to do when the version is already the active one: refuse with 409 (default) or return it as is. */
  alreadyActive?: "conflict" | "return";
  now?: Date;
}

const ONE_ACTIVE_INDEX = "template_versions_one_active";

/** Whether `error` is the partial unique index refusing a second active version (a lost race). */
function isSecondActive(error: unknown): boolean {
  const cause = adapterCause(error);
  if (cause?.originalCode !== "23505") return false;
  const text = `${cause.constraint?.index ?? ""} ${cause.originalMessage ?? ""}`;
  return text.includes(ONE_ACTIVE_INDEX) || (cause.constraint?.fields ?? []).includes("template_id");
}

/** Runs `fn` in `db`'s transaction when it is one, else in a new one; a lost race becomes a 409. */
async function inTransaction<T>(db: TemplatesDb, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return "$transaction" in db ? await db.$transaction(fn, { maxWait: 10_000, timeout: 15_000 }) : await fn(db);
  } catch (error) {
    if (isSecondActive(error))
      throw new AppError(
        "conflict",
        "Another version of this template was activated at the same time; reload and retry",
      );
    throw error;
  }
}

interface Switch {
  templateId: number;
  from: TemplateVersion | null;
  to: TemplateVersion;
  /** The `previous_version_id` the activated version keeps: the one it replaces, or (rollback) its own. */
  previousVersionId: number | null;
  action: "template_version.activate" | "template_version.rollback";
  reason?: string;
  adminId: number;
  now: Date;
}

/** Deactivates `from` (if any) and activates `to`, each only if still in the state read; audited. */
async function switchActive(tx: Prisma.TransactionClient, s: Switch): Promise<TemplateVersion> {
  if (s.from) {
    const { count } = await tx.templateVersion.updateMany({
      where: { id: s.from.id, isActive: true },
      data: { isActive: false },
    });
    if (count === 0)
      throw new AppError("conflict", `Version ${s.from.version} is no longer the active one; reload and retry`);
  } else {
    // None was active when read: one activated since is a conflict (the index would refuse ours anyway).
    const other = await tx.templateVersion.findFirst({ where: { templateId: s.templateId, isActive: true } });
    if (other) throw new AppError("conflict", `Version ${other.version} was activated meanwhile; reload and retry`);
  }
  const { count } = await tx.templateVersion.updateMany({
    where: { id: s.to.id, isActive: false },
    data: { isActive: true, activatedAt: s.now, activatedBy: s.adminId, previousVersionId: s.previousVersionId },
  });
  if (count === 0) throw new AppError("conflict", `Version ${s.to.version} is already active`);
  const after = await tx.templateVersion.findUniqueOrThrow({ where: { id: s.to.id } });
  await writeAudit(tx, {
    action: s.action,
    resourceType: "template_versions",
    resourceId: after.id,
    before: { ...stateOf(s.to), replacedVersionId: null },
    after: { ...stateOf(after), replacedVersionId: s.from?.id ?? null, ...(s.reason ? { reason: s.reason } : {}) },
  });
  return after;
}

function stateOf(v: TemplateVersion) {
  return {
    templateId: v.templateId,
    version: v.version,
    isActive: v.isActive,
    activatedAt: v.activatedAt,
    activatedBy: v.activatedBy,
    previousVersionId: v.previousVersionId,
  };
}

/**
 * Makes `versionId` its template's active version (what new sites get); the version it replaces is
 * remembered for a rollback. Needs templates.edit (or templates.test, see options). Pass a transaction
 * client to make the activation part of a larger change (then a conflict aborts that transaction).
 * Throws AppError not_found, conflict (already active, or lost a race with another activation).
 */
export async function activateVersion(
  db: TemplatesDb,
  versionId: number,
  options: ActivateVersionOptions = {},
): Promise<TemplateVersion> {
  const admin = requirePermission("templates", options.permission ?? "edit");
  const now = options.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const to = await tx.templateVersion.findUnique({ where: { id: versionId } });
    if (!to) throw new AppError("not_found", `Template version #${versionId} does not exist`);
    if (to.isActive && options.alreadyActive === "return") return to;
    if (to.isActive) throw new AppError("conflict", `Version ${to.version} is already active`);
    const from = await tx.templateVersion.findFirst({ where: { templateId: to.templateId, isActive: true } });
    return switchActive(tx, {
      templateId: to.templateId,
      from,
      to,
      previousVersionId: from?.id ?? null,
      action: "template_version.activate",
      reason: options.reason,
      adminId: admin.id,
      now,
    });
  });
}

/**
 * Rolls a template back to the version its active one replaced. The restored version keeps its own
 * previous version, so a second rollback goes one step further back. Needs templates.edit.
 * Throws AppError not_found, conflict (no active version, nothing to roll back to, or a race).
 */
export async function rollbackTemplate(
  db: TemplatesDb,
  templateId: number,
  options: Pick<ActivateVersionOptions, "reason" | "now"> = {},
): Promise<TemplateVersion> {
  const admin = requirePermission("templates", "edit");
  const now = options.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const template = await tx.template.findUnique({ where: { id: templateId }, select: { id: true } });
    if (!template) throw new AppError("not_found", `Template #${templateId} does not exist`);
    const from = await tx.templateVersion.findFirst({ where: { templateId, isActive: true } });
    if (!from) throw new AppError("conflict", "This template has no active version to roll back from");
    const to = from.previousVersionId
      ? await tx.templateVersion.findUnique({ where: { id: from.previousVersionId } })
      : null;
    if (!to)
      throw new AppError("conflict", `Version ${from.version} replaced no earlier version: nothing to roll back to`);
    return switchActive(tx, {
      templateId,
      from,
      to,
      previousVersionId: to.previousVersionId,
      action: "template_version.rollback",
      reason: options.reason,
      adminId: admin.id,
      now,
    });
  });
}

/** The template's active version (what a new site gets), or null when none is active. */
export function activeVersionOf(db: TemplatesDb, templateId: number): Promise<TemplateVersion | null> {
  return db.templateVersion.findFirst({ where: { templateId, isActive: true } });
}
