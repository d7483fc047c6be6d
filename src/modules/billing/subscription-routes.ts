// REST /admin/api/v1/billing/customer_subscriptions/:id/... (issue 5, items 2 and 8): the lifecycle
// actions, through the same service as the admin (subscriptions.ts checks billing.create_invoice). Lists,
// reads and create are the generic table routes (create goes through the service: subscriptionWrites).
import { Router } from "express";
import { z } from "zod";
import type { ApiOperation } from "../../http/openapi.js";
import { parseBody, parseId } from "../../http/params.js";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import {
  cancelSubscription,
  changePlan,
  reactivateSubscription,
  suspendSubscription,
  type BillingDeps,
} from "./subscriptions.js";

export const SUBSCRIPTIONS_PATH = "/billing/customer_subscriptions";

const id32 = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
const ZChangePlan = z.object({ planId: id32 }).strict();
const ZCancel = z.object({ atPeriodEnd: z.boolean() }).strict();

export function subscriptionRoutes(deps: BillingDeps): Router {
  const router = Router();
  // Checked before the body is read, so a caller without it learns nothing from validation; the
  // service checks it again.
  const write = requireApiPermission("billing", "create_invoice");
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/change-plan`,
    write,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZChangePlan, req.body ?? {});
      res.json(await changePlan(deps, parseId(req.params.id, "subscription"), body.planId));
    }),
  );
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/cancel`,
    write,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZCancel, req.body ?? {});
      res.json(
        await cancelSubscription(deps, parseId(req.params.id, "subscription"), body.atPeriodEnd ? "period_end" : "now"),
      );
    }),
  );
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/suspend`,
    write,
    asyncRoute(async (req, res) => {
      res.json(await suspendSubscription(deps, parseId(req.params.id, "subscription")));
    }),
  );
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/reactivate`,
    write,
    asyncRoute(async (req, res) => {
      res.json(await reactivateSubscription(deps, parseId(req.params.id, "subscription")));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });
const member = (name: string, summary: string, body?: Pick<ApiOperation, "body" | "example">): ApiOperation => ({
  method: "post",
  path: `${SUBSCRIPTIONS_PATH}/{id}/${name}`,
  tag: "billing",
  summary,
  permission: "billing.create_invoice",
  idType: "integer",
  ...body,
  responses: {
    200: { description: "The subscription after the change", record: "CustomerSubscription" },
    409: ok("Not allowed in the subscription's state"),
  },
});

export const SUBSCRIPTION_OPERATIONS: ApiOperation[] = [
  member("change-plan", "Change plan now; an upgrade bills the difference for the days left in the period", {
    body: { name: "SubscriptionChangePlan", schema: ZChangePlan },
    example: { planId: 3 },
  }),
  member("cancel", "Cancel at the end of the period, or now", {
    body: { name: "SubscriptionCancel", schema: ZCancel },
    example: { atPeriodEnd: true },
  }),
  member("suspend", "Suspend (leaves MRR, not billed)"),
  member("reactivate", "Undo a scheduled cancellation, or restart a suspended or ended subscription"),
];
