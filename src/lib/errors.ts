// One error type for the whole portal: a code, a message, the fields at fault. http/errors.ts maps it
// to RFC 9457 problem+json; AdminJS actions map it to field errors and notices.
import { ZodError } from "zod";

export const ERROR_CODES = {
  validation: { status: 400, title: "Invalid request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  invalid_credentials: { status: 401, title: "Invalid credentials" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  // A state change lost a race or is not allowed from the current state.
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  too_many_requests: { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Service unavailable" },
  // A provider we call (Stripe) refused or failed: its own message is the detail; nothing was written.
  bad_gateway: { status: 502, title: "Upstream service error" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * SQLSTATE raised by the triggers that keep a legal record from changing (an issued invoice: migration
 * invoice_immutability); whatever path meets it answers 409 with the trigger's message.
 */
export const FROZEN_RECORD_SQLSTATE = "LC409";

/** The trigger's message when `err` is a refusal of a frozen record, else null. */
export function frozenRecordMessage(err: unknown): string | null {
  const e = err as {
    cause?: { originalCode?: string; originalMessage?: string };
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } } };
  } | null;
  const cause = e?.meta?.driverAdapterError?.cause ?? e?.cause;
  return cause?.originalCode === FROZEN_RECORD_SQLSTATE ? (cause.originalMessage ?? "This record cannot change") : null;
}

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
}
