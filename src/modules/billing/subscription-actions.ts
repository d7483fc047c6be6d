// AdminJS actions of customer_subscriptions (issue 5, item 2): the form "new" and the record actions run
// the subscription service (subscriptions.ts), never a raw write, so the MRR history, the proration,
// Stripe and the audit follow every change. The service checks billing.create_invoice itself.
import type { Action, ActionContext, ActionResponse } from "adminjs";
import type { BillingInterval } from "@prisma/client";
import { fieldErrors, type ResourceKit } from "../../admin/resource-kit.js";
import type { RecordWrites, WriteDeps } from "../../db/table-spec.js";
import { subscriptionGatewayFor } from "./stripe/gateway.js";
import { serviceRecordAction } from "../../admin/service-action.js";
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

function positiveId(value: unknown, path: string): number {
  const id = Number(str(value));
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) {
    throw fieldErrors(RESOURCE_ID, { [path]: { message: "$t(messages.fieldRequired)" } });
  }
  return id;
}

const deps = (kit: WriteDeps): BillingDeps => ({
  prisma: kit.prisma,
  subscriptionGateway: subscriptionGatewayFor(kit.config),
});

/**
 * The create form (AdminJS "new") and REST create: customer, plan, interval and start, through
 * createSubscription (no raw insert: the history, Stripe and the audit come with it).
 */
export function subscriptionWrites(kit: WriteDeps): RecordWrites {
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
  const entries = (Object.keys(runs) as SubscriptionActionName[]).map(
    (name) =>
      [
        name,
        serviceRecordAction({
          icon: icons[name],
          component: name === "changePlan" ? kit.components.SubscriptionPlanChange : kit.components.ConfirmAction,
          ...(name === "cancelNow" || name === "suspend" ? { variant: "danger" as const } : {}),
          isVisible: VISIBLE[name],
          run: runs[name],
          done: () => ({ message: `${name}Done`, type: "success" }),
        }),
      ] as const,
  );
  return Object.fromEntries(entries) as Record<SubscriptionActionName, Partial<Action<ActionResponse>>>;
}
