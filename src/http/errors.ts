// AppError (lib/errors.ts) and other failures mapped to RFC 9457 problem+json, in one middleware.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { AppError, ERROR_CODES, fieldErrorsFromZod, frozenRecordMessage, type FieldError } from "../lib/errors.js";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
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
