// REST /admin/api/v1/billing/customer_subscriptions (issue 5, items 2 and 8): create and the lifecycle
// actions, through the same service as the admin (subscriptions.ts checks billing.create_invoice). Lists
// and reads are the generic table routes.
import { Router, type Request } from "express";
import { z } from "zod";
import type { ApiOperation } from "../../http/openapi.js";
import { AppError } from "../../http/errors.js";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import { parseBody } from "../ai-queue/intake.js";
import {
  cancelSubscription,
  changePlan,
  createSubscription,
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
const ZCreate = z
  .object({
    customer_id: id32,
    plan_id: id32,
    billing_interval: z.enum(["monthly", "yearly"]).default("monthly"),
    started_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
const ZChangePlan = z.object({ plan_id: id32 }).strict();
const ZCancel = z.object({ at_period_end: z.boolean() }).strict();

function subscriptionId(req: Request): number {
  const id = Number(req.params.id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) throw new AppError("not_found", "No such subscription");
  return id;
}

export function subscriptionRoutes(deps: BillingDeps): Router {
  const router = Router();
  // Checked before the body is read, so a caller without it learns nothing from validation; the
  // service checks it again.
  const write = requireApiPermission("billing", "create_invoice");
  router.post(
    SUBSCRIPTIONS_PATH,
    write,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZCreate, req.body ?? {});
      const created = await createSubscription(deps, {
        customerId: body.customer_id,
        planId: body.plan_id,
        billingInterval: body.billing_interval,
        startedAt: body.started_at ? new Date(body.started_at) : undefined,
      });
      res.status(201).location(`${req.baseUrl}${SUBSCRIPTIONS_PATH}/${created.id}`).json(created);
    }),
  );
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/change-plan`,
    write,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZChangePlan, req.body ?? {});
      res.json(await changePlan(deps, subscriptionId(req), body.plan_id));
    }),
  );
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/cancel`,
    write,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZCancel, req.body ?? {});
      res.json(await cancelSubscription(deps, subscriptionId(req), body.at_period_end ? "period_end" : "now"));
    }),
  );
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/suspend`,
    write,
    asyncRoute(async (req, res) => {
      res.json(await suspendSubscription(deps, subscriptionId(req)));
    }),
  );
  router.post(
    `${SUBSCRIPTIONS_PATH}/:id/reactivate`,
    write,
    asyncRoute(async (req, res) => {
      res.json(await reactivateSubscription(deps, subscriptionId(req)));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });
const member = (name: string, summary: string, body?: ApiOperation["body"]): ApiOperation => ({
  method: "post",
  path: `${SUBSCRIPTIONS_PATH}/{id}/${name}`,
  tag: "billing",
  summary,
  permission: "billing.create_invoice",
  idType: "integer",
  ...(body ? { body } : {}),
  responses: { 200: ok("The subscription after the change"), 409: ok("Not allowed in the subscription's state") },
});

export const SUBSCRIPTION_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: SUBSCRIPTIONS_PATH,
    tag: "billing",
    summary: "Subscribe a customer to a plan (one running subscription per customer)",
    description:
      "Periods follow from started_at (default now) and the billing interval; with Stripe, it is created there first.",
    permission: "billing.create_invoice",
    body: { name: "SubscriptionCreate", schema: ZCreate },
    responses: { 201: ok("The subscription"), 409: ok("The customer already has a running subscription") },
  },
  member("change-plan", "Change plan now; an upgrade bills the difference for the days left in the period", {
    name: "SubscriptionChangePlan",
    schema: ZChangePlan,
  }),
  member("cancel", "Cancel at the end of the period, or now", { name: "SubscriptionCancel", schema: ZCancel }),
  member("suspend", "Suspend (leaves MRR, not billed)"),
  member("reactivate", "Undo a scheduled cancellation, or restart a suspended or ended subscription"),
];
