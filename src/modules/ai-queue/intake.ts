// Intake of the site wizard's submissions (issue 4, item 1): the signature check, the body schema and
// the creation of a pending request with its "received" e-mail, audited with the system as the actor.
//
// The signature covers the time, the method, the path and the raw body: HMAC-SHA256 of
// `<t>.<METHOD>.<path>.<raw body>` with the shared secret, header `X-Locod-Signature: t=<unix seconds>,v1=<hex>`,
// 5 minutes of tolerance; a signature is accepted once (the webhook keeps the ones it has seen in Redis
// for twice the tolerance), so a captured request cannot be replayed, nor its body sent to another path.
import { storable } from "../../lib/input-rules.js";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { Prisma, type AiRequest } from "@prisma/client";
import { z } from "zod";
import { AppError, fieldErrorsFromZod } from "../../lib/errors.js";
import { parseBody } from "../../http/params.js";
import { writeAudit } from "../../lib/audit.js";
import { readSetting } from "../settings/values.js";
import { REQUEST_TYPES, checkColumn, type RequestType } from "./schemas.js";
import { dispatchNotifications } from "../../lib/email/outbox.js";
import { recordNotification } from "./notifications.js";
import type { QueueDeps } from "./service.js";

export const SIGNATURE_HEADER = "X-Locod-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** What is signed: `<t>.<METHOD>.<path>.` then the raw body. */
function signatureOf(secret: string, t: string | number, method: string, path: string, rawBody: string | Buffer) {
  return createHmac("sha256", secret).update(`${t}.${method.toUpperCase()}.${path}.`).update(rawBody).digest();
}

/** `t=<unix>,v1=<hex>` for a request, as the wizard signs it: `path` without the query string. */
export function signWizardRequest(
  secret: string,
  method: string,
  path: string,
  rawBody: string | Buffer,
  t = Math.floor(Date.now() / 1000),
): string {
  return `t=${t},v1=${signatureOf(secret, t, method, path, rawBody).toString("hex")}`;
}

/**
 * Throws 401 unless the header signs the method, path and raw body with the secret within the tolerance;
 * returns the signature (hex), which the caller accepts only once (claimSignature).
 */
export function verifyWizardSignature(
  secret: string,
  header: string | undefined,
  request: { method: string; path: string; rawBody: Buffer },
  now = Math.floor(Date.now() / 1000),
): string {
  const fail = (why: string) => new AppError("unauthenticated", `Invalid ${SIGNATURE_HEADER}: ${why}`);
  if (!header) throw fail("missing");
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = parts.get("t");
  const v1 = parts.get("v1");
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/i.test(v1)) throw fail("malformed");
  if (Math.abs(now - Number(t)) > SIGNATURE_TOLERANCE_SECONDS) throw fail("timestamp outside the tolerance");
  const expected = signatureOf(secret, t, request.method, request.path, request.rawBody);
  const given = Buffer.from(v1, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw fail("signature mismatch");
  return v1.toLowerCase();
}

/** The store of signatures already accepted: Redis's SET NX with an expiry. */
export interface SignatureStore {
  set(key: string, value: string, expiry: "EX", seconds: number, mode: "NX"): Promise<string | null>;
}

/**
 * Accepts a verified signature once: 401 when it was seen within the tolerance (a replayed request).
 * Kept for twice the tolerance, the longest a timestamp stays acceptable.
 */
export async function claimSignature(store: SignatureStore, prefix: string, signature: string): Promise<void> {
  const stored = await store.set(
    `${prefix}:wizard-signature:${signature}`,
    "1",
    "EX",
    2 * SIGNATURE_TOLERANCE_SECONDS,
    "NX",
  );
  if (stored !== "OK") throw new AppError("unauthenticated", `Invalid ${SIGNATURE_HEADER}: already used`);
}

/** The SHA-256 (hex) of a submission's raw body: what an idempotency key is bound to. */
export const bodyHash = (rawBody: Buffer | string): string => createHash("sha256").update(rawBody).digest("hex");

/** The key of a submission: the wizard's Idempotency-Key, or one derived from the body when it sends none. */
export function idempotencyKeyOf(header: string | undefined, hash: string): string {
  const key = header?.trim() || undefined;
  if (key !== undefined && key.length > 255) {
    throw new AppError("validation", "Idempotency-Key is too long", [
      { field: "Idempotency-Key", message: "at most 255 characters" },
    ]);
  }
  return key ?? `body-sha256:${hash}`;
}

const ZCustomerRef = {
  customer_id: z.number().int().positive().optional(),
  customer_email: z.string().trim().toLowerCase().email().max(255).optional(),
};

export const ZWizardSubmission = z
  .object({
    ...ZCustomerRef,
    site_id: z.number().int().positive(),
    request_type: z.enum(REQUEST_TYPES),
    business_type: z.string().trim().min(1).max(100).superRefine(storable),
    terminology: z.string().trim().max(2000).superRefine(storable).nullish(),
    request_data: z.unknown(),
    priority: z.number().int().min(1).max(10).default(5),
  })
  .strict();

export const ZCustomerAction = z.object({ ...ZCustomerRef }).strict();
export const ZFeedback = z
  .object({
    ...ZCustomerRef,
    rating: z.number().int().min(1).max(5),
    notes: z.string().max(2000).superRefine(storable).nullish(),
  })
  .strict();

/** The customer a body names (by id or e-mail), or 400. */
export async function resolveCustomer(
  deps: QueueDeps,
  ref: { customer_id?: number; customer_email?: string },
): Promise<number> {
  if (ref.customer_id === undefined && ref.customer_email === undefined) {
    throw new AppError("validation", "customer_id or customer_email is required", [
      { field: "customer_id", message: "customer_id or customer_email is required" },
    ]);
  }
  const customer = await deps.prisma.customer.findFirst({
    where: ref.customer_id !== undefined ? { id: ref.customer_id } : { email: ref.customer_email },
    select: { id: true, email: true },
  });
  if (!customer || (ref.customer_email !== undefined && customer.email.toLowerCase() !== ref.customer_email)) {
    const field = ref.customer_id !== undefined ? "customer_id" : "customer_email";
    throw new AppError("validation", `Unknown customer`, [{ field, message: "unknown customer" }]);
  }
  return customer.id;
}

export interface IntakeResult {
  request: AiRequest;
  created: boolean;
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * The answer to a submission whose key the customer already used: the first request when the body is the
 * same (a replay), 409 when it is another.
 */
function replayOf(existing: AiRequest, hash: string): IntakeResult {
  if (existing.idempotencyHash !== null && existing.idempotencyHash !== hash) {
    throw new AppError(
      "conflict",
      `Idempotency-Key already used with another body (AI request #${existing.id}): send a new key for a new submission`,
    );
  }
  return { request: existing, created: false };
}

/** request_data checked as an edit checks it (checkColumn), refused with each field named `request_data.<path>`. */
function parseRequestData(type: RequestType, value: unknown): unknown {
  const parsed = checkColumn("requestData", type, value);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsFromZod(parsed.error).map((e) => ({
    field: e.field === "(body)" ? "request_data" : `request_data.${e.field}`,
    message: e.message,
  }));
  throw new AppError("validation", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
}

/**
 * Creates the pending request of a submission. Idempotent per customer: a submission whose key (the
 * Idempotency-Key, or the body's hash without one) the customer already used answers the first request
 * when its body is the same, 409 when it is another.
 */
export async function intakeSubmission(
  deps: QueueDeps,
  body: unknown,
  submission: { idempotencyKey?: string; rawBody: Buffer | string },
): Promise<IntakeResult> {
  const hash = bodyHash(submission.rawBody);
  const key = idempotencyKeyOf(submission.idempotencyKey, hash);
  const input = parseBody(ZWizardSubmission, body);
  const customerId = await resolveCustomer(deps, input);
  const find = () =>
    deps.prisma.aiRequest.findUnique({
      where: { customerId_idempotencyKey: { customerId, idempotencyKey: key } },
    });
  const existing = await find();
  if (existing) return replayOf(existing, hash);
  const requestData = parseRequestData(input.request_type as RequestType, input.request_data);
  const site = await deps.prisma.site.findUnique({ where: { id: input.site_id }, select: { customerId: true } });
  if (!site || site.customerId !== customerId) {
    throw new AppError("validation", "Unknown site for this customer", [
      { field: "site_id", message: "unknown site for this customer" },
    ]);
  }
  const prices = await readSetting(deps.prisma, "ai_queue.price_list");
  try {
    const { request, emailId } = await deps.prisma.$transaction(async (tx) => {
      const request = await tx.aiRequest.create({
        data: {
          customerId,
          siteId: input.site_id,
          requestType: input.request_type,
          businessType: input.business_type,
          terminology: input.terminology ?? null,
          requestData: requestData as Prisma.InputJsonValue,
          priority: input.priority,
          estimatedCost: new Prisma.Decimal(prices[input.request_type]),
          idempotencyKey: key,
          idempotencyHash: hash,
        },
      });
      await writeAudit(tx, {
        action: "ai_request.intake",
        resourceType: "ai_requests",
        resourceId: request.id,
        adminId: null,
        after: request,
      });
      const emailId = await recordNotification(tx, request.id, "received");
      return { request, emailId };
    });
    await dispatchNotifications(deps.queues, [emailId]);
    return { request, created: true };
  } catch (err) {
    // A concurrent submission with the same key won the insert: answer as to a replay.
    if (isUniqueViolation(err)) {
      const winner = await find();
      if (winner) return replayOf(winner, hash);
    }
    throw err;
  }
}
