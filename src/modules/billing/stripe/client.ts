// The official Stripe SDK client, built from the configuration (STRIPE_SECRET_KEY; STRIPE_API_BASE points
// it at another server, as the tests do with a local one). Without a key there is no client and billing
// works locally.
import Stripe from "stripe";
import type { Config } from "../../../config.js";
import { AppError } from "../../../lib/errors.js";
import { cents, money, type Money } from "../money.js";

export type StripeClient = Stripe;

/** Per HTTP attempt. Gateway calls run inside a database transaction: they must not hang it for long. */
export const STRIPE_TIMEOUT_MS = 20_000;
/** The SDK retries connection errors, 409, 429 and 5xx with backoff, under an idempotency key of its own. */
export const STRIPE_MAX_RETRIES = 2;

export function createStripeClient(config: Config["stripe"]): StripeClient | null {
  if (!config.secretKey) return null;
  const base = config.apiBase ? new URL(config.apiBase) : null;
  return new Stripe(config.secretKey, {
    maxNetworkRetries: STRIPE_MAX_RETRIES,
    timeout: STRIPE_TIMEOUT_MS,
    appInfo: { name: "locod-ai-admin" },
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "http:" ? ("http" as const) : ("https" as const),
        }
      : {}),
  });
}

const clients = new Map<string, StripeClient>();

/** One client per key and base for the process (jobs build theirs from the configuration). */
export function stripeClientFor(config: Config["stripe"]): StripeClient | null {
  if (!config.secretKey) return null;
  const key = `${config.secretKey}\n${config.apiBase ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = createStripeClient(config)!;
    clients.set(key, client);
  }
  return client;
}

/** The process's Stripe client for this configuration; null without STRIPE_SECRET_KEY. */
export function stripeFor(config: Pick<Config, "stripe">): StripeClient | null {
  return stripeClientFor(config.stripe);
}

export function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** A Stripe refusal or outage as a problem (502) carrying Stripe's own message. */
export function stripeProblem(error: unknown): unknown {
  if (!isStripeError(error)) return error;
  const status = error.statusCode ? ` (HTTP ${error.statusCode})` : "";
  return new AppError("bad_gateway", `Stripe${status}: ${error.message}`);
}

/** Runs a Stripe call; its errors become a 502 problem, so the surrounding transaction rolls back. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw stripeProblem(error);
  }
}

/** An amount in euros as Stripe's integer minor units (cents), half-up. */
export function toStripeAmount(amount: Money | string): number {
  const minor = cents(money(amount)).mul(100);
  const value = Number(minor.toFixed(0));
  if (!Number.isSafeInteger(value)) throw new RangeError(`${amount.toString()} is out of range for Stripe`);
  return value;
}

/** Stripe's integer minor units (cents) as an amount in euros. */
export const fromStripeAmount = (minor: number): Money => money(minor).div(100);

/** A Stripe timestamp (seconds) as a Date. */
export const fromStripeTime = (seconds: number): Date => new Date(seconds * 1000);

/** The id of an expandable field (an id string, or the expanded object). */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value == null) return null;
  return typeof value === "string" ? value : value.id;
}
