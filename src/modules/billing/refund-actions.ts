// AdminJS actions of refunds and billing alerts: "Refund" on a paid invoice (a form: amount, reason;
// stripe/refunds.ts checks billing.refund, the amount and the invoice) and "Acknowledge" on a billing
// alert (stripe/alerts.ts). Their pages POST; a GET only shows the record.
import { NotFoundError, type Action, type ActionContext, type ActionResponse, type NoticeMessage } from "adminjs";
import type { ResourceKit } from "../../admin/resource-kit.js";
import { serviceRecordAction, serviceRefusal } from "../../admin/service-action.js";
import { AppError } from "../../lib/errors.js";
import { refundInvoice } from "./stripe/refunds.js";
import { ACKNOWLEDGE_PERMISSION, acknowledgeBillingAlert } from "./stripe/alerts.js";
import { stripeClientFor } from "./stripe/client.js";

/** The permission of the invoice's refund action (DESIGN.md 5: refund is of the delete class). */
export const REFUND_ACTION_ACCESS = { refund: "refund" } as const;

/** The permissions of the billing alerts' actions. */
export const BILLING_ALERT_ACTION_ACCESS = { acknowledge: ACKNOWLEDGE_PERMISSION } as const;

const isRefundable = (context: ActionContext) => context.record?.param("status") === "paid";

export function refundActions(kit: ResourceKit): Record<"refund", Partial<Action<ActionResponse>>> {
  return {
    refund: serviceRecordAction({
      icon: "RotateCcw",
      variant: "danger",
      component: kit.components.RefundInvoice,
      isVisible: isRefundable,
      run: (id, payload) =>
        refundInvoice({ prisma: kit.prisma, stripe: stripeClientFor(kit.config.stripe) }, id, {
          amount: payload.amount,
          reason: payload.reason,
        }),
      done: () => ({ message: "refundDone", type: "success" }),
      form: { resourceId: "invoices" },
    }),
  };
}

export function billingAlertActions(kit: ResourceKit): Record<"acknowledge", Partial<Action<ActionResponse>>> {
  return {
    acknowledge: {
      actionType: "record",
      icon: "Check",
      // A confirmation page that POSTs: without one AdminJS would run the action by a GET.
      component: kit.components.ConfirmAction,
      isVisible: (context) => !context.record?.param("acknowledgedAt"),
      handler: async (request, _response, context) => {
        const { record, resource, currentAdmin } = context;
        if (!record) throw new NotFoundError("billing alert", "acknowledge");
        if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
        let notice: NoticeMessage = { message: "billingAlertAcknowledged", type: "success" };
        try {
          await acknowledgeBillingAlert(kit.prisma, Number(record.id()));
        } catch (error) {
          if (!(error instanceof AppError && error.code === "conflict"))
            throw serviceRefusal(error, { resourceId: "billing_alerts" });
          notice = { message: "billingAlertAlreadyAcknowledged", type: "info" };
        }
        const fresh = (await resource.findOne(String(record.id()), context)) ?? record;
        return { record: fresh.toJSON(currentAdmin), notice };
      },
    },
  };
}
