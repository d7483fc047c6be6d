// The "Backups" record action of a site (components/sites/SiteBackups.tsx): its versions with who made
// each, when and how; "back up now"; the diff of two; a download link; a restore. One action, readable
// with sites.view: the page posts an `op`, and the service checks the write permission (sites.backup or
// monitoring.backup) itself, so a viewer's "back up now" is refused whatever the page showed.
import { ForbiddenError, NotFoundError, type Action, type ActionResponse } from "adminjs";
import type { ResourceKit } from "../../../admin/resource-kit.js";
import { AppError } from "../../../lib/errors.js";
import { can } from "../../auth/index.js";
import { currentContext } from "../../../lib/request-context.js";
import { backupSite, BackupRefusal, diffVersions, listVersions, restoreVersion, type BackupDeps } from "./service.js";

type Payload = Record<string, unknown>;

/** A version number posted by the page, or a refusal naming its field. */
function posted(payload: Payload, field: string): number {
  const raw = payload[field];
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 2 ** 31 - 1)) {
    throw new BackupRefusal("noVersion", "not_found", `${field} is not a version`, [
      { field, message: "not a version" },
    ]);
  }
  return n;
}

const note = (payload: Payload) => {
  const text = typeof payload.note === "string" ? payload.note.trim() : "";
  return text ? text.slice(0, 500) : null;
};

/** May the acting admin back up and restore (the page shows the buttons only then; the service decides). */
function mayWrite(): boolean {
  const admin = currentContext()?.admin;
  return can(admin, "sites", "backup") || can(admin, "monitoring", "backup");
}

export function siteBackupActions(kit: ResourceKit): Record<"backups", Partial<Action<ActionResponse>>> {
  const deps: BackupDeps = { prisma: kit.prisma };
  return {
    backups: {
      actionType: "record",
      icon: "Archive",
      component: kit.components.SiteBackups,
      handler: async (request, _response, context) => {
        const { record, currentAdmin } = context;
        if (!record) throw new NotFoundError("No such site", "backups");
        const siteId = Number(record.id());
        const payload = (request.method === "post" ? (request.payload ?? {}) : {}) as Payload;
        const op = typeof payload.op === "string" ? payload.op : "list";
        const answer: Record<string, unknown> = { record: record.toJSON(currentAdmin), canBackup: mayWrite() };
        try {
          if (op === "backup") {
            answer.written = await backupSite(deps, siteId, { note: note(payload) });
            answer.notice = { message: "siteBackupDone", type: "success" };
          } else if (op === "restore") {
            const expected = payload.expectedCurrent;
            answer.written = await restoreVersion(deps, siteId, posted(payload, "version"), {
              note: note(payload),
              ...(expected !== undefined && expected !== ""
                ? { expectedCurrent: posted(payload, "expectedCurrent") }
                : {}),
            });
            answer.notice = { message: "siteRestoreDone", type: "success" };
          } else if (op === "diff") {
            answer.diff = await diffVersions(deps, siteId, posted(payload, "from"), posted(payload, "to"));
          }
          answer.backups = await listVersions(deps, siteId);
        } catch (error) {
          if (error instanceof AppError && (error.code === "forbidden" || error.code === "unauthenticated")) {
            throw new ForbiddenError("forbiddenError");
          }
          if (!(error instanceof BackupRefusal)) throw error;
          // Nothing was written: the page shows the reason in the admin's language, and the versions.
          answer.refusal = error.reason;
          answer.notice = { message: `siteBackupRefused_${error.reason}`, type: "error" };
          answer.backups = await listVersions(deps, siteId).catch(() => null);
        }
        return answer as unknown as ActionResponse;
      },
    },
  };
}
