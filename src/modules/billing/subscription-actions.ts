// AdminJS actions of customer_subscriptions (issue 5, item 2): the form "new" and the record actions run
// the subscription service (subscriptions.ts), never a raw write, so the MRR history, the proration,
// Stripe and the audit follow every change. The service checks billing.create_invoice itself.
import { AppError as AdminNotice, type Action, type ActionContext, type ActionResponse } from "adminjs";
import type { BillingInterval } from "@prisma/client";
import { fieldErrors, type RecordWrites, type ResourceKit } from "../../admin/resource-kit.js";
import { AppError } from "../../http/errors.js";
import {
  cancelSubscription,
  changePlan,
  createSubscription,
  reactivateSubscription,
  suspendSubscription,
  type BillingDeps,
} from "./subscriptions.js";

const RESOURCE_ID = "customer_subscriptions";

/** The permission of each subscription action (billing's write permission). */
export const SUBSCRIPTION_ACTION_ACCESS = {
  changePlan: "create_invoice",
  cancelAtPeriodEnd: "create_invoice",
  cancelNow: "create_invoice",
  suspend: "create_invoice",
  reactivate: "create_invoice",
} as const;

type SubscriptionActionName = keyof typeof SUBSCRIPTION_ACTION_ACCESS;
type Payload = Record<string, unknown>;

const str = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** A service refusal as AdminJS answers a form: field errors when it names fields, else a notice. */
function asAdminError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.errors?.length) {
    const paths: Record<string, string> = {
      customer_id: "customer",
      plan_id: "plan",
      billing_interval: "billingInterval",
    };
    return fieldErrors(
      RESOURCE_ID,
      Object.fromEntries(error.errors.map((e) => [paths[e.field] ?? e.field, { message: e.message }])),
    );
  }
  return new AdminNotice(error.message);
}

function positiveId(value: unknown, path: string): number {
  const id = Number(str(value));
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) {
    throw fieldErrors(RESOURCE_ID, { [path]: { message: "$t(messages.fieldRequired)" } });
  }
  return id;
}

const deps = (kit: ResourceKit): BillingDeps => ({ prisma: kit.prisma, subscriptionGateway: kit.subscriptionGateway });

/**
 * The create form (AdminJS "new") and REST create: customer, plan, interval and start, through
 * createSubscription (no raw insert: the history, Stripe and the audit come with it).
 */
export function subscriptionWrites(kit: ResourceKit): RecordWrites {
  return {
    create: (data) =>
      createSubscription(deps(kit), {
        customerId: Number(data.customerId),
        planId: Number(data.planId),
        billingInterval: (data.billingInterval as BillingInterval | undefined) ?? "monthly",
        startedAt:
          data.startedAt instanceof Date
            ? data.startedAt
            : data.startedAt
              ? new Date(String(data.startedAt))
              : undefined,
      }),
  };
}

const isLive = (context: ActionContext) =>
  ["active", "past_due", "trialing"].includes(String(context.record?.param("status")));

const VISIBLE: Record<SubscriptionActionName, (context: ActionContext) => boolean> = {
  changePlan: isLive,
  cancelAtPeriodEnd: (c) => isLive(c) && !c.record?.param("cancelAtPeriodEnd"),
  cancelNow: (c) => isLive(c) || c.record?.param("status") === "suspended",
  suspend: isLive,
  reactivate: (c) => !isLive(c) || Boolean(c.record?.param("cancelAtPeriodEnd")),
};

/** The record actions: each page POSTs (a GET only shows the record); the service decides. */
export function subscriptionActions(kit: ResourceKit): Record<SubscriptionActionName, Partial<Action<ActionResponse>>> {
  const d = deps(kit);
  const runs: Record<SubscriptionActionName, (id: number, payload: Payload) => Promise<unknown>> = {
    changePlan: (id, payload) => changePlan(d, id, positiveId(payload.planId, "plan")),
    cancelAtPeriodEnd: (id) => cancelSubscription(d, id, "period_end"),
    cancelNow: (id) => cancelSubscription(d, id, "now"),
    suspend: (id) => suspendSubscription(d, id),
    reactivate: (id) => reactivateSubscription(d, id),
  };
  const icons: Record<SubscriptionActionName, string> = {
    changePlan: "Repeat",
    cancelAtPeriodEnd: "Clock",
    cancelNow: "XCircle",
    suspend: "PauseCircle",
    reactivate: "PlayCircle",
  };
  const entries = (Object.keys(runs) as SubscriptionActionName[]).map((name) => {
    const action: Partial<Action<ActionResponse>> = {
      actionType: "record",
      icon: icons[name],
      component: name === "changePlan" ? kit.components.SubscriptionPlanChange : kit.components.ConfirmAction,
      ...(name === "cancelNow" || name === "suspend" ? { variant: "danger" as const } : {}),
      isVisible: VISIBLE[name],
      handler: async (request, _response, context) => {
        const { record, resource, currentAdmin, h } = context;
        if (!record) throw new AdminNotice("No such subscription");
        if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
        const id = Number(record.id());
        try {
          await runs[name](id, (request.payload ?? {}) as Payload);
        } catch (error) {
          throw asAdminError(error);
        }
        const fresh = (await resource.findOne(String(id), context)) ?? record;
        return {
          record: fresh.toJSON(currentAdmin),
          notice: { message: `${name}Done`, type: "success" },
          redirectUrl: h.recordActionUrl({ resourceId: RESOURCE_ID, recordId: String(id), actionName: "show" }),
        };
      },
    };
    return [name, action] as const;
  });
  return Object.fromEntries(entries) as Record<SubscriptionActionName, Partial<Action<ActionResponse>>>;
}
