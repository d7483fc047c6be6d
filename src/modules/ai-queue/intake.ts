// Intake of the site wizard's submissions (issue 4, item 1): the signature check, the body schema and
// the creation of a pending request with its "received" e-mail, audited with the system as the actor.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Prisma, type AiRequest } from "@prisma/client";
import { z } from "zod";
import { AppError } from "../../lib/errors.js";
import { parseBody } from "../../http/params.js";
import { writeAudit } from "../../lib/audit.js";
import { readSetting } from "../settings/values.js";
import { REQUEST_TYPES, ZRequestData, type RequestType } from "./schemas.js";
import { dispatchNotifications } from "../../lib/email/outbox.js";
import { recordNotification } from "./notifications.js";
import type { QueueDeps } from "./service.js";

export const SIGNATURE_HEADER = "X-Locod-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `t=<unix>,v1=<hex>` for a body, as the wizard signs it. */
export function signWizardBody(secret: string, rawBody: string | Buffer, t = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** Throws 401 unless the header signs the raw body with the secret within the tolerance. */
export function verifyWizardSignature(
  secret: string,
  header: string | undefined,
  rawBody: Buffer,
  now = Math.floor(Date.now() / 1000),
): void {
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
  const expected = createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest();
  const given = Buffer.from(v1, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw fail("signature mismatch");
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
    business_type: z.string().trim().min(1).max(100),
    terminology: z.string().trim().max(2000).nullish(),
    request_data: z.unknown(),
    priority: z.number().int().min(1).max(10).default(5),
  })
  .strict();

export const ZCustomerAction = z.object({ ...ZCustomerRef }).strict();
export const ZFeedback = z
  .object({ ...ZCustomerRef, rating: z.number().int().min(1).max(5), notes: z.string().max(2000).nullish() })
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

/** Creates the pending request of a submission; with an idempotency key, a replay returns the original. */
export async function intakeSubmission(deps: QueueDeps, body: unknown, idempotencyKey?: string): Promise<IntakeResult> {
  const key = idempotencyKey?.trim() || undefined;
  if (key !== undefined && key.length > 255) {
    throw new AppError("validation", "Idempotency-Key is too long", [
      { field: "Idempotency-Key", message: "at most 255 characters" },
    ]);
  }
  if (key) {
    const existing = await deps.prisma.aiRequest.findUnique({ where: { idempotencyKey: key } });
    if (existing) return { request: existing, created: false };
  }
  const input = parseBody(ZWizardSubmission, body);
  const requestData = parseBody(ZRequestData[input.request_type as RequestType], input.request_data, "request_data");
  const customerId = await resolveCustomer(deps, input);
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
          idempotencyKey: key ?? null,
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
    // A concurrent replay with the same key won the insert: answer with its request.
    if (key && isUniqueViolation(err)) {
      const existing = await deps.prisma.aiRequest.findUnique({ where: { idempotencyKey: key } });
      if (existing) return { request: existing, created: false };
    }
    throw err;
  }
}
