// The "Send reminder" record action of invoices (dunning.ts): a ConfirmAction page that POSTs; the
// service checks billing.create_invoice and that the invoice is overdue and not reminded in 24 hours.
import type { Action, ActionResponse } from "adminjs";
import type { InvoiceStatus } from "@prisma/client";
import type { ResourceKit } from "../../admin/resource-kit.js";
import { serviceRecordAction } from "../../admin/service-action.js";
import { isOverdue, sendInvoiceReminder } from "./dunning.js";

export const REMINDER_ACTION_ACCESS = { sendReminder: "create_invoice" } as const;

export function reminderActions(kit: ResourceKit): Record<string, Partial<Action<ActionResponse>>> {
  const deps = { prisma: kit.prisma, queues: kit.queues };
  return {
    sendReminder: serviceRecordAction({
      icon: "Mail",
      component: kit.components.ConfirmAction,
      isVisible: ({ record }) => {
        const dueAt = record?.param("dueAt") as string | Date | undefined;
        return isOverdue(
          { status: record?.param("status") as InvoiceStatus, dueAt: dueAt ? new Date(dueAt) : null },
          new Date(),
        );
      },
      run: (id) => sendInvoiceReminder(deps, id),
      done: () => ({ message: "sendReminderDone", type: "success" }),
    }),
  };
}
