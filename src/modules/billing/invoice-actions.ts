// AdminJS side of invoices (issue 5, item 3): the forms of invoices and their lines write through the
// invoicing service (resource-kit RecordWrites, which the REST table routes use too), "Issue" turns a
// draft into a numbered invoice, and "Run monthly invoicing" invoices a month that has ended. The service
// checks billing.create_invoice and the invoice's state itself; these actions only carry the request.
import type { Action, ActionContext, ActionResponse, PropertyOptions } from "adminjs";
import type { ResourceKit } from "../../admin/resource-kit.js";
import type { RecordWrites, WriteDeps } from "../../db/table-spec.js";
import { serviceRecordAction, serviceRefusal } from "../../admin/service-action.js";
import { createDraftInvoice } from "./invoicing/create-draft-invoice.js";
import { addInvoiceItem, deleteInvoiceItem, updateInvoiceItem } from "./invoicing/invoice-items.js";
import type { InvoicingDeps } from "./invoicing/invoice-transaction.js";
import { issueDraft } from "./invoicing/issue-draft.js";
import { runMonthlyInvoicing } from "./invoicing/monthly-run.js";
import { updateInvoice } from "./invoicing/update-invoice.js";
import { recordPayment } from "./invoicing/record-payment.js";
import { stripeFor } from "./stripe/client.js";

/** The permission of each custom action of invoices (billing's write permission). */
export const INVOICE_ACTION_ACCESS = {
  issue: "create_invoice",
  recordPayment: "create_invoice",
  runInvoicing: "create_invoice",
} as const;

const deps = (kit: WriteDeps): InvoicingDeps => ({
  prisma: kit.prisma,
  queues: kit.queues,
  stripeEnabled: Boolean(stripeFor(kit.config)),
});

// Form fields that follow the record's stage (FormStageField): the form offers only what the service
// accepts, and the service still refuses the rest by name.

/** Chosen when the record is created, then shown read-only (an invoice's customer, a line's invoice). */
export const setOnCreate = (kit: ResourceKit): PropertyOptions => ({
  components: { edit: kit.components.FormStageField },
  custom: { formStage: "create" },
});

/** A payment field: on the form of an issued invoice only. */
export const paymentField = (kit: ResourceKit): PropertyOptions => ({
  components: { edit: kit.components.FormStageField },
  custom: { formStage: "issued" },
});

/** An amount computed from the lines: shown as money, never on a form. */
export const readOnlyMoney = (kit: ResourceKit): PropertyOptions => ({
  ...kit.money({ currencyPath: "currency" }),
  isVisible: { list: true, show: true, edit: false, filter: false },
});

/** The invoice form: "new" makes a draft, "edit" changes notes or (once issued) the payment fields. */
export function invoiceWrites(kit: WriteDeps): RecordWrites {
  return {
    create: (data) => createDraftInvoice(deps(kit), data),
    update: (id, data) => updateInvoice(deps(kit), Number(id), data),
  };
}

/** The line form: lines of drafts only; every write recomputes the invoice's amount, tax and total. */
export function invoiceItemWrites(kit: WriteDeps): RecordWrites {
  return {
    create: (data) => addInvoiceItem(deps(kit), data),
    update: (id, data) => updateInvoiceItem(deps(kit), Number(id), data),
    delete: (id) => deleteInvoiceItem(deps(kit), Number(id)),
  };
}

/** A manual draft: the draft of a month (with a period) is issued by the monthly invoicing. */
const isManualDraft = (context: ActionContext) =>
  context.record?.param("status") === "draft" && !context.record?.param("periodStart");

export function invoiceActions(
  kit: ResourceKit,
): Record<keyof typeof INVOICE_ACTION_ACCESS, Partial<Action<ActionResponse>>> {
  return {
    // Confirmed with a POST (ConfirmAction); a GET only shows the draft.
    issue: serviceRecordAction({
      icon: "FileText",
      component: kit.components.ConfirmAction,
      isVisible: isManualDraft,
      run: (id) => issueDraft(deps(kit), id),
      done: (issued) => ({ message: "issueDone", type: "success", options: { number: issued.invoiceNumber } }),
    }),
    // Confirmed with a POST (ConfirmAction): a bank transfer received today; the method can be edited after.
    recordPayment: serviceRecordAction({
      icon: "CheckCircle",
      component: kit.components.ConfirmAction,
      isVisible: (context) => ["pending", "failed"].includes(String(context.record?.param("status"))),
      run: (id) => recordPayment(deps(kit), id, { paidAt: new Date(), paymentMethod: "transfer" }),
      done: () => ({ message: "recordPaymentDone", type: "success" }),
    }),
    // A page with a month field (InvoicingRun) that POSTs the month; the answer carries the counts.
    runInvoicing: {
      actionType: "resource",
      icon: "Calendar",
      component: kit.components.InvoicingRun,
      handler: async (request) => {
        if (request.method !== "post") return {};
        const period = (request.payload as Record<string, unknown> | undefined)?.period;
        try {
          const run = await runMonthlyInvoicing(deps(kit), String(period ?? ""), new Date());
          return {
            run,
            notice: {
              message: run.failed ? "runInvoicingPartial" : "runInvoicingDone",
              type: run.failed ? "error" : "success",
              options: { ...run },
            },
          };
        } catch (error) {
          throw serviceRefusal(error);
        }
      },
    },
  };
}
