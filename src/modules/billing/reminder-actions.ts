// The "Send reminder" record action of invoices (dunning.ts): a ConfirmAction page that POSTs; the
// service checks billing.create_invoice and that the invoice is overdue and not reminded in 24 hours.
import { AppError as AdminNotice, type Action, type ActionResponse } from "adminjs";
import type { InvoiceStatus } from "@prisma/client";
import type { ResourceKit } from "../../admin/resource-kit.js";
import { AppError } from "../../http/errors.js";
import { isOverdue, sendInvoiceReminder } from "./dunning.js";

export const REMINDER_ACTION_ACCESS = { sendReminder: "create_invoice" } as const;

export function reminderActions(kit: ResourceKit): Record<string, Partial<Action<ActionResponse>>> {
  const deps = { prisma: kit.prisma, queues: kit.queues };
  return {
    sendReminder: {
      actionType: "record",
      icon: "Mail",
      component: kit.components.ConfirmAction,
      isVisible: ({ record }) => {
        const dueAt = record?.param("dueAt") as string | Date | undefined;
        return isOverdue(
          { status: record?.param("status") as InvoiceStatus, dueAt: dueAt ? new Date(dueAt) : null },
          new Date(),
        );
      },
      handler: async (request, _response, context) => {
        const { record, resource, currentAdmin, h } = context;
        if (!record) throw new AdminNotice("No such invoice");
        if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
        try {
          await sendInvoiceReminder(deps, Number(record.id()));
        } catch (error) {
          // A refusal (not overdue, reminded in the last 24 hours, forbidden) as a notice; nothing was sent.
          if (error instanceof AppError) throw new AdminNotice(error.message);
          throw error;
        }
        const resourceId = resource._decorated?.id() ?? resource.id();
        return {
          record: record.toJSON(currentAdmin),
          notice: { message: "sendReminderDone", type: "success" },
          redirectUrl: h.recordActionUrl({ resourceId, recordId: String(record.id()), actionName: "show" }),
        };
      },
    },
  };
}
