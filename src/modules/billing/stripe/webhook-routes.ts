// POST /webhooks/stripe: Stripe's events. The signature (Stripe-Signature, STRIPE_WEBHOOK_SECRET) is
// checked on the raw body before anything is parsed or stored; the event is stored under its id and
// queued, and Stripe gets its 200 at once. The work is done by the billing queue's job (events.ts):
// Stripe expects a fast answer and redelivers on a slow one, and the job can fetch the objects again,
// retry with backoff and run in any order.
import { Router, raw } from "express";
import Stripe from "stripe";
import type { Deps } from "../../../deps.js";
import { errorHandler } from "../../../http/errors.js";
import { AppError } from "../../../lib/errors.js";
import { keepContext } from "../../../http/context.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import { receiveStripeEvent } from "./events.js";

export const STRIPE_SIGNATURE_HEADER = "Stripe-Signature";

/** The verified event of a request, or a 400 naming the signature. */
export function verifyStripeEvent(secret: string, rawBody: Buffer, signature: string | undefined): Stripe.Event {
  if (!signature) {
    throw new AppError("validation", "Missing Stripe signature", [
      { field: STRIPE_SIGNATURE_HEADER, message: "required" },
    ]);
  }
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "invalid";
    throw new AppError("validation", "Invalid Stripe signature", [
      { field: STRIPE_SIGNATURE_HEADER, message: reason ?? "invalid" },
    ]);
  }
}

export function stripeWebhookRoutes(deps: Pick<Deps, "prisma" | "queues" | "config" | "log">): Router {
  const secret = deps.config.stripe.webhookSecret;
  const router = Router();
  router.post(
    "/stripe",
    // Whatever the content type: the signature covers the bytes exactly as sent.
    keepContext(raw({ type: () => true, limit: "1mb" })),
    asyncRoute(async (req, res) => {
      if (!secret) throw new AppError("unavailable", "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)");
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const event = verifyStripeEvent(secret, rawBody, req.get(STRIPE_SIGNATURE_HEADER));
      const { stored, status } = await receiveStripeEvent(deps, event);
      res.status(200).json({ received: true, id: event.id, duplicate: !stored, status });
    }),
  );
  router.use(errorHandler(deps.log));
  return router;
}
