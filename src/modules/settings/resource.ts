import {
  buildFeature,
  NotFoundError,
  type ActionContext,
  type ActionRequest,
  type Before,
  type FeatureType,
  type NoticeMessage,
  type ResourceOptions,
} from "adminjs";
import { fieldErrors, type ResourceFactory, type ResourceKit } from "../../admin/resource-kit.js";
import { AppError } from "../../lib/errors.js";
import { acknowledgeAlert, acknowledgeAlerts } from "../auth/security-alerts.js";
import { AppError as AdminNotice, type Action, type ActionHandler, type ActionResponse } from "adminjs";
import { currentContext } from "../../lib/request-context.js";
import { writeAudit } from "../../lib/audit.js";
import type { Role } from "../auth/permissions.js";
import { passwordMessageKey, passwordProblem } from "./password-policy.js";
import {
  AdminUserError,
  disableAdmin,
  enableAdmin,
  forceLogout,
  startPasswordReset,
  updateAdminUser,
  type AdminChanges,
} from "./service.js";
import {
  adminActivityLogTable,
  adminSessionTable,
  adminUserTable,
  caughtEmailTable,
  emailLogTable,
  passwordResetTokenTable,
  securityAlertTable,
  settingTable,
} from "./tables.js";

// ---------------------------------------------------------------------------------------------
// Admin users (issue 3, item 2): every change goes through settings/service.ts
// ---------------------------------------------------------------------------------------------

/** The fields of the admin users form a service error can point at; others become a notice. */
const FORM_FIELDS = new Set(["email", "name", "password", "role", "status", "permissions"]);

/** A service refusal as AdminJS shows it: on its form field when there is one, else as a notice. */
function asAdminJsError(error: unknown, onForm: boolean): unknown {
  if (!(error instanceof AdminUserError)) return error;
  const message = `$t(messages.${error.reason})`;
  if (onForm && error.field && FORM_FIELDS.has(error.field)) {
    return fieldErrors("admin_users", { [error.field]: { message } });
  }
  return new AdminNotice(message);
}

/** The acting admin as the session middleware loaded them from the database. */
const actorId = (): number | null => currentContext()?.admin?.id ?? null;

/**
 * The virtual `password` field of admin_users (a create input of the table spec): on creation it is
 * checked against the password policy for the new account's e-mail and name, in the admin's words (the
 * service hashes it); an edit carrying one is refused: another admin's password is never chosen for
 * them (the reset action e-mails a link). Runs after the form check, which has normalized the e-mail.
 */
function passwordFeature(): FeatureType {
  const onCreate: Before = (request: ActionRequest) => {
    if (request.method !== "post") return request;
    const { password, ...payload } = (request.payload ?? {}) as Record<string, unknown>;
    const text = typeof password === "string" ? password : "";
    const owner = {
      email: typeof payload.email === "string" ? payload.email : null,
      name: typeof payload.name === "string" ? payload.name : null,
    };
    const problem = text ? passwordProblem(text, owner) : null;
    if (!text || problem) {
      const message = problem ? `$t(messages.${passwordMessageKey(problem)})` : "$t(messages.fieldRequired)";
      throw fieldErrors("admin_users", { password: { message } });
    }
    return request;
  };
  const onEdit: Before = (request: ActionRequest) => {
    if (request.method !== "post") return request;
    const { password, ...payload } = (request.payload ?? {}) as Record<string, unknown>;
    if (typeof password === "string" && password !== "") {
      throw fieldErrors("admin_users", { password: { message: "$t(messages.passwordUseReset)" } });
    }
    return { ...request, payload };
  };
  return buildFeature({ actions: { new: { before: [onCreate] }, edit: { before: [onEdit] } } });
}

/** The edit form's changes, as the form check (resource-kit.ts) left them: parsed, normalized, checked. */
function adminChanges(payload: Record<string, unknown>): AdminChanges {
  const changes: AdminChanges = {};
  if (typeof payload.email === "string") changes.email = payload.email;
  if (typeof payload.name === "string") changes.name = payload.name;
  if (typeof payload.role === "string") changes.role = payload.role as Role;
  if (payload.status === "active" || payload.status === "disabled") changes.status = payload.status;
  if ("permissions" in payload) {
    const value = payload.permissions;
    changes.permissions = Array.isArray(value) ? value.map(String) : null;
  }
  return changes;
}

/** The edit action through updateAdminUser: the roster rules, session ending and audit in one place. */
function editAdminUser(kit: ResourceKit): ActionHandler<ActionResponse> {
  return async (request, _response, context) => {
    const { record, resource, currentAdmin, h } = context;
    if (!record) throw new AdminNotice("$t(messages.adminNotFound)");
    if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
    const id = Number(record.id());
    try {
      await updateAdminUser(kit.prisma, actorId(), id, adminChanges(request.payload ?? {}));
    } catch (error) {
      throw asAdminJsError(error, true);
    }
    const fresh = (await resource.findOne(String(id), context)) ?? record;
    return {
      redirectUrl: h.resourceUrl({ resourceId: resource._decorated?.id() ?? resource.id() }),
      notice: { message: "successfullyUpdated", type: "success" },
      record: fresh.toJSON(currentAdmin),
    };
  };
}

/**
 * A record action that changes something: its page (ConfirmAction) explains it and confirms with a
 * POST; a GET only shows the record. The service does the work; the answer goes back to the record.
 */
function confirmedAction(
  kit: ResourceKit,
  name: "disable" | "enable" | "resetPassword" | "forceLogout",
  icon: string,
  run: (targetId: number) => Promise<unknown>,
  isVisible?: (context: ActionContext) => boolean,
): Partial<Action<ActionResponse>> {
  return {
    actionType: "record",
    icon,
    component: kit.components.ConfirmAction,
    ...(name === "disable" || name === "forceLogout" ? { variant: "danger" as const } : {}),
    ...(isVisible ? { isVisible } : {}),
    handler: async (request, _response, context) => {
      const { record, resource, currentAdmin, h } = context;
      if (!record) throw new AdminNotice("$t(messages.adminNotFound)");
      if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
      const id = Number(record.id());
      try {
        await run(id);
      } catch (error) {
        throw asAdminJsError(error, false);
      }
      const fresh = (await resource.findOne(String(id), context)) ?? record;
      const resourceId = resource._decorated?.id() ?? resource.id();
      return {
        record: fresh.toJSON(currentAdmin),
        notice: { message: `${name}Done`, type: "success" },
        redirectUrl: h.recordActionUrl({ resourceId, recordId: String(id), actionName: "show" }),
      };
    },
  };
}

function adminUserActions(kit: ResourceKit): ResourceOptions["actions"] {
  const status = (context: ActionContext) => context.record?.param("status") as string | undefined;
  const isSelf = (context: ActionContext) => String(context.record?.id() ?? "") === String(context.currentAdmin?.id);
  return {
    edit: { handler: editAdminUser(kit) },
    disable: confirmedAction(
      kit,
      "disable",
      "UserX",
      (id) => disableAdmin(kit.prisma, actorId(), id),
      (context) => status(context) === "active" && !isSelf(context),
    ),
    enable: confirmedAction(
      kit,
      "enable",
      "UserCheck",
      (id) => enableAdmin(kit.prisma, actorId(), id),
      (context) => status(context) === "disabled",
    ),
    resetPassword: confirmedAction(kit, "resetPassword", "Key", (id) =>
      startPasswordReset({ prisma: kit.prisma, queues: kit.queues }, actorId(), id),
    ),
    forceLogout: confirmedAction(kit, "forceLogout", "LogOut", (id) => forceLogout(kit.prisma, id)),
  };
}

/**
 * Acknowledge one alert, or the selected ones, through the service (conditional update + audit row).
 * AdminJS 7 calls actions without a component by GET; the session cookie is SameSite=Strict, so a
 * cross-site page cannot make an admin's browser send it.
 */
function acknowledgeActions(kit: ResourceKit): ResourceOptions["actions"] {
  const stillOpen = (context: ActionContext) => !context.record?.param("acknowledgedAt");
  return {
    acknowledge: {
      actionType: "record",
      icon: "Check",
      // A confirmation page that POSTs: without one AdminJS would run the action by a GET.
      component: kit.components.ConfirmAction,
      isVisible: stillOpen,
      handler: async (request, _response, context) => {
        const { record, resource, currentAdmin } = context;
        if (!record || !currentAdmin) throw new NotFoundError("security alert", "acknowledge");
        if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
        let notice: NoticeMessage = { message: "securityAlertAcknowledged", type: "success" };
        try {
          await acknowledgeAlert(kit.prisma, Number(record.id()));
        } catch (err) {
          if (!(err instanceof AppError && err.code === "conflict")) throw err;
          notice = { message: "securityAlertAlreadyAcknowledged", type: "info" };
        }
        const fresh = (await resource.findOne(String(record.id()), context)) ?? record;
        return { record: fresh.toJSON(currentAdmin), notice };
      },
    },
    bulkAcknowledge: {
      actionType: "bulk",
      icon: "Check",
      component: kit.components.ConfirmAction,
      handler: async (request, _response, context) => {
        const { records = [], resource, currentAdmin } = context;
        if (!currentAdmin) throw new NotFoundError("security alerts", "bulkAcknowledge");
        if (request.method !== "post") return { records: records.map((r) => r.toJSON(currentAdmin)) };
        await acknowledgeAlerts(
          kit.prisma,
          records.map((r) => Number(r.id())),
        );
        const fresh = await resource.findMany(
          records.map((r) => String(r.id())),
          context,
        );
        return {
          records: fresh.map((r) => r.toJSON(currentAdmin)),
          notice: { message: "securityAlertsAcknowledged", type: "success" },
          redirectUrl: context.h.resourceUrl({ resourceId: resource._decorated?.id() ?? resource.id() }),
        };
      },
    },
  };
}

/**
 * Caught e-mails: "Delete all" empties the box (confirmed, then one audit row with the count). Each
 * e-mail or a selection goes with the kit's delete and bulkDelete.
 */
function caughtEmailActions(kit: ResourceKit): ResourceOptions["actions"] {
  return {
    deleteAll: {
      actionType: "resource",
      icon: "Trash2",
      variant: "danger",
      component: kit.components.ConfirmAction,
      handler: async (request, _response, context) => {
        const resourceId = context.resource._decorated?.id() ?? context.resource.id();
        if (request.method !== "post") return {};
        await kit.prisma.$transaction(async (tx) => {
          const { count } = await tx.caughtEmail.deleteMany({});
          await writeAudit(tx, { action: "deleteAll", resourceType: "caught_emails", before: { count } });
        });
        return {
          notice: { message: "deleteAllDone", type: "success" },
          redirectUrl: context.h.resourceUrl({ resourceId }),
        };
      },
    },
  };
}

export const settingsResources: ResourceFactory = (kit) => [
  // delete and bulkDelete stay the kit's: they cannot remove the last super admin, since the acting
  // admin holds settings.system, and an admin who ever logged in (oneself included) is referenced by
  // admin_activity_log, whose foreign key refuses the deletion (disable the account instead).
  kit.table(
    adminUserTable,
    {
      editProperties: ["email", "name", "password", "role", "status", "permissions"],
      properties: {
        name: { isTitle: true },
        email: { isTitle: false },
        // A JSON array of "module.permission" strings that narrows the role (DESIGN.md 5).
        permissions: { description: "permissionsHint" },
        // On the creation form only (NewPassword): afterwards only its owner sets it.
        password: {
          type: "password",
          components: { edit: kit.components.NewPassword },
          description: "passwordNewHint",
        },
      },
      actions: adminUserActions(kit),
    },
    { features: [passwordFeature()] },
  ),
  kit.table(adminSessionTable, {
    properties: { ipAddress: { isTitle: true }, userAgent: { isVisible: { list: true, show: true, filter: false } } },
  }),
  // The activity log is the audit trail: nobody writes, edits or deletes it through the admin (DESIGN.md 6).
  kit.table(adminActivityLogTable, { properties: { action: { isTitle: true } } }),
  // Raised by the login protection; only acknowledged, never written by hand.
  kit.table(securityAlertTable, {
    properties: { kind: { isTitle: true } },
    actions: acknowledgeActions(kit),
  }),
  // Who reset whose password, and when; the token itself never leaves the server.
  kit.table(passwordResetTokenTable, { properties: { admin: { isTitle: true } } }),
  // Written with the change that causes each e-mail and updated by the mail job.
  kit.table(emailLogTable, { properties: { subject: { isTitle: true } } }),
  // Kept instead of sent without SMTP_URL outside production (src/lib/email/mailer.ts); read-only.
  kit.table(caughtEmailTable, {
    showProperties: ["createdAt", "fromAddress", "toAddress", "cc", "subject", "emailLog", "text", "html"],
    properties: {
      subject: { isTitle: true },
      text: { type: "textarea" },
      html: {
        components: { show: kit.components.CaughtEmailHtml },
        isVisible: { list: false, filter: false, show: true },
      },
    },
    actions: caughtEmailActions(kit),
  }),
  kit.table(settingTable, {
    properties: {
      // Typed when a setting is first set (a known key starts from its default), shown as text afterwards:
      // the key names the setting.
      key: { isTitle: true, components: { edit: kit.components.FormStageField }, custom: { formStage: "create" } },
    },
  }),
];
