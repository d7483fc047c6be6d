// The dashboard's quick action "send reminders for all overdue invoices" (billing.create_invoice): a
// payment reminder (src/modules/billing/dunning.ts) for each overdue invoice not reminded in the last
// 24 hours. Each reminder is its own transaction with its audit row and e-mail, as when sent one by one,
// so a refusal of one invoice (paid meanwhile, reminded by another admin a moment ago) skips it and
// leaves the others sent. At most MAX_REMINDERS_PER_RUN go per run, so one click never holds a request
// for thousands of e-mails; `remaining` says how many are still due a reminder.
import type { Action, ActionResponse } from "adminjs";
import { AppError } from "../../lib/errors.js";
import { serviceRefusal } from "../../admin/service-action.js";
import type { ResourceKit } from "../../admin/resource-kit.js";
import { overdueInvoices, sendInvoiceReminder, type DunningDeps } from "../billing/dunning.js";
import { requirePermission } from "../auth/current-admin.js";

export const MAX_REMINDERS_PER_RUN = 200;
const PAGE = 500;

export interface OverdueReminderRun {
  /** Overdue invoices seen. */
  overdue: number;
  /** Reminders sent now. */
  sent: number;
  sentInvoiceIds: number[];
  /** Reminded less than 24 hours ago, or refused when their turn came (paid, reminded meanwhile). */
  skipped: number;
  /** Still due a reminder, beyond this run's MAX_REMINDERS_PER_RUN. */
  remaining: number;
}

export async function remindOverdueInvoices(deps: DunningDeps, now: Date = new Date()): Promise<OverdueReminderRun> {
  requirePermission("billing", "create_invoice");
  const run: OverdueReminderRun = { overdue: 0, sent: 0, sentInvoiceIds: [], skipped: 0, remaining: 0 };
  let cursor: { dueAt: Date; id: number } | undefined;
  for (;;) {
    const page = await overdueInvoices(deps.prisma, { now, limit: PAGE, cursor });
    run.overdue = page.total;
    for (const invoice of page.data) {
      if (invoice.nextReminderAt !== null) {
        run.skipped++;
        continue;
      }
      if (run.sent >= MAX_REMINDERS_PER_RUN) {
        run.remaining++;
        continue;
      }
      try {
        await sendInvoiceReminder(deps, invoice.id, now);
        run.sent++;
        run.sentInvoiceIds.push(invoice.id);
      } catch (error) {
        if (error instanceof AppError && (error.code === "conflict" || error.code === "not_found")) run.skipped++;
        else throw error;
      }
    }
    const last = page.data[page.data.length - 1];
    if (!page.nextCursor || !last) break;
    cursor = { dueAt: new Date(last.dueAt), id: last.id };
  }
  return run;
}

/** Its permission on the invoices resource (access.actions). */
export const REMIND_OVERDUE_ACCESS = { remindOverdue: "create_invoice" } as const;

/**
 * "Remind all overdue" on the invoices resource, run by the dashboard's quick action with a POST (the
 * page asks for confirmation first). Not shown among the invoices' own actions: the dashboard and the
 * Revenue page are where overdue invoices are followed. A GET does nothing.
 */
export function remindOverdueAction(
  kit: Pick<ResourceKit, "prisma" | "queues">,
): Record<string, Partial<Action<ActionResponse>>> {
  const deps = { prisma: kit.prisma, queues: kit.queues };
  return {
    remindOverdue: {
      actionType: "resource",
      icon: "Mail",
      isVisible: false,
      component: false,
      handler: async (request) => {
        if (request.method !== "post") return {};
        try {
          const run = await remindOverdueInvoices(deps);
          return { run, notice: { message: "remindOverdueDone", type: "success" } };
        } catch (error) {
          throw serviceRefusal(error);
        }
      },
    },
  };
}
