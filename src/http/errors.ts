// One error type for the whole portal, mapped to RFC 9457 problem+json in one middleware.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";

export const ERROR_CODES = {
  validation: { status: 400, title: "Invalid request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  invalid_credentials: { status: 401, title: "Invalid credentials" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  // A state change lost a race or is not allowed from the current state.
  conflict: { status: 409, title: "Conflict" },
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

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
}

export function toProblem(err: unknown): Problem {
  if (err instanceof AppError) {
    return {
      type: `https://locod-ai.dev/problems/${err.code}`,
      title: ERROR_CODES[err.code].title,
      status: err.status,
      detail: err.message,
      ...(err.errors ? { errors: err.errors } : {}),
    };
  }
  const frozen = frozenRecordMessage(err);
  if (frozen !== null) {
    return {
      type: "https://locod-ai.dev/problems/conflict",
      title: ERROR_CODES.conflict.title,
      status: 409,
      detail: frozen,
    };
  }
  if (err instanceof ZodError) {
    const errors = fieldErrorsFromZod(err);
    return {
      type: "https://locod-ai.dev/problems/validation",
      title: ERROR_CODES.validation.title,
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join("; "),
      errors,
    };
  }
  const status =
    (err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode;
  // body-parser errors (malformed JSON, too large) carry a 4xx status and a safe message.
  if (typeof status === "number" && status >= 400 && status < 500) {
    return {
      type: "https://locod-ai.dev/problems/validation",
      title: ERROR_CODES.validation.title,
      status,
      detail: (err as { type?: string }).type === "entity.parse.failed" ? "Malformed JSON body" : "Bad request",
    };
  }
  return {
    type: "https://locod-ai.dev/problems/internal",
    title: ERROR_CODES.internal.title,
    status: 500,
    detail: "An unexpected error occurred",
  };
}

export function sendProblem(res: Parameters<RequestHandler>[1], err: unknown): void {
  const problem = toProblem(err);
  if (err instanceof AppError && err.headers) res.set(err.headers);
  res.status(problem.status).type("application/problem+json").send(JSON.stringify(problem));
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `No route for ${req.method} ${req.path}`));
};

export function errorHandler(log: { error: (obj: object, msg: string) => void }): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const problem = toProblem(err);
    if (problem.status >= 500) log.error({ err, path: req.path }, "request failed");
    sendProblem(res, err);
  };
}
