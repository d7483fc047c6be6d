// POST /webhooks/wizard (and its cancel and feedback siblings): the customer portal's site wizard.
// Signed with HMAC-SHA256 over `${t}.${rawBody}` (X-Locod-Signature: t=<unix>,v1=<hex>), checked on the
// raw body before anything is parsed; errors are problem+json.
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
  ZFeedback,
  intakeSubmission,
  resolveCustomer,
  verifyWizardSignature,
} from "./intake.js";
import { cancelRequest, leaveFeedback } from "./service.js";

/** The verified JSON body of a signed request. */
function signedBody(req: Request, secret: string): unknown {
  const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  verifyWizardSignature(secret, req.get(SIGNATURE_HEADER), rawBody);
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
  const secret = deps.config.wizardWebhookSecret;
  const router = Router();
  // Under /wizard only: the other webhooks under /webhooks parse their own raw bodies.
  router.use("/wizard", keepContext(raw({ type: "application/json", limit: "1mb" })));

  router.post(
    "/wizard",
    asyncRoute(async (req, res) => {
      const body = signedBody(req, secret);
      const { request, created } = await intakeSubmission(deps, body, req.get("Idempotency-Key"));
      res.status(created ? 201 : 200).json(view(request));
    }),
  );

  router.post(
    "/wizard/requests/:id/cancel",
    asyncRoute(async (req, res) => {
      const body = parseBody(ZCustomerAction, signedBody(req, secret));
      const customerId = await resolveCustomer(deps, body);
      res.json(view(await cancelRequest(deps, parseId(req.params.id, "AI request"), customerId)));
    }),
  );

  router.post(
    "/wizard/requests/:id/feedback",
    asyncRoute(async (req, res) => {
      const body = parseBody(ZFeedback, signedBody(req, secret));
      const customerId = await resolveCustomer(deps, body);
      res.json(
        view(await leaveFeedback(deps, parseId(req.params.id, "AI request"), customerId, body.rating, body.notes)),
      );
    }),
  );

  router.use(errorHandler(deps.log));
  return router;
}
