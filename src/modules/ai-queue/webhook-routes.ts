// POST /webhooks/wizard (and its cancel and feedback siblings): the customer portal's site wizard.
// Signed with HMAC-SHA256 over `${t}.${METHOD}.${path}.${rawBody}` (X-Locod-Signature: t=<unix>,v1=<hex>),
// checked on the raw body before anything is parsed, each signature accepted once (intake.ts); errors are
// problem+json.
import { Router, raw, type Request } from "express";
import type { AiRequest } from "@prisma/client";
import type { Deps } from "../../deps.js";
import { errorHandler } from "../../http/errors.js";
import { AppError } from "../../lib/errors.js";
import { checkJsonTextDepth } from "../../lib/input-rules.js";
import { parseBody, parseId } from "../../http/params.js";
import { keepContext } from "../../http/context.js";
import { asyncRoute } from "../../http/bearer-auth.js";
import {
  SIGNATURE_HEADER,
  ZCustomerAction,
  claimSignature,
  ZFeedback,
  intakeSubmission,
  resolveCustomer,
  verifyWizardSignature,
} from "./intake.js";
import { cancelRequest, leaveFeedback } from "./service.js";

/** The raw body of a request. */
const rawBodyOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

/**
 * The verified JSON body of a signed request: the signature covers the method, the path (without the
 * query string) and the raw body, and is accepted once.
 */
async function signedBody(deps: Deps, req: Request): Promise<unknown> {
  const rawBody = rawBodyOf(req);
  const path = req.originalUrl.split("?")[0]!;
  const signature = verifyWizardSignature(deps.config.wizardWebhookSecret, req.get(SIGNATURE_HEADER), {
    method: req.method,
    path,
    rawBody,
  });
  await claimSignature(deps.redis, deps.config.queuePrefix, signature);
  checkJsonTextDepth(rawBody);
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new AppError("validation", "Malformed JSON body", [{ field: "(body)", message: "malformed JSON" }]);
  }
}

/** What the wizard is told about a request. */
const view = (r: AiRequest) => ({
  id: r.id,
  status: r.status,
  customer_id: r.customerId,
  site_id: r.siteId,
  request_type: r.requestType,
  priority: r.priority,
  estimated_cost: r.estimatedCost?.toFixed(2) ?? null,
  created_at: r.createdAt.toISOString(),
  completed_at: r.completedAt?.toISOString() ?? null,
});

export function wizardWebhookRoutes(deps: Deps): Router {
  const router = Router();
  // Under /wizard only: the other webhooks under /webhooks parse their own raw bodies.
  router.use("/wizard", keepContext(raw({ type: "application/json", limit: "1mb" })));

  router.post(
    "/wizard",
    asyncRoute(async (req, res) => {
      const body = await signedBody(deps, req);
      const { request, created } = await intakeSubmission(deps, body, {
        idempotencyKey: req.get("Idempotency-Key"),
        rawBody: rawBodyOf(req),
      });
      res.status(created ? 201 : 200).json(view(request));
    }),
  );

  router.post(
    "/wizard/requests/:id/cancel",
    asyncRoute(async (req, res) => {
      const body = parseBody(ZCustomerAction, await signedBody(deps, req));
      const customerId = await resolveCustomer(deps, body);
      res.json(view(await cancelRequest(deps, parseId(req.params.id, "AI request"), customerId)));
    }),
  );

  router.post(
    "/wizard/requests/:id/feedback",
    asyncRoute(async (req, res) => {
      const body = parseBody(ZFeedback, await signedBody(deps, req));
      const customerId = await resolveCustomer(deps, body);
      res.json(
        view(await leaveFeedback(deps, parseId(req.params.id, "AI request"), customerId, body.rating, body.notes)),
      );
    }),
  );

  router.use(errorHandler(deps.log));
  return router;
}
