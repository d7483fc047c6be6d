// Request bodies under /admin, read only where and as far as needed. Before login only the login form
// (urlencoded, 16 KB) is read; any other body waits until the session is known and the AdminJS action
// guard has run, and is then read as JSON, urlencoded or multipart fields up to 1 MB. No file upload is
// accepted (no resource takes one): nothing is ever written to disk. AdminJS's router reads
// `req.fields`/`req.files`, the shape express-formidable gave, and skips its own parser once
// `req.express_formidable.parsed` is set, which every request under /admin gets here.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import express from "express";
import busboy from "busboy";
import { AppError } from "../lib/errors.js";
import { sendProblem } from "./errors.js";
import { forbiddenKeyPath, formFieldProblem, jsonBodyVerify } from "../lib/input-rules.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The body's fields (last value wins), as AdminJS's router reads them. */
      fields?: Record<string, unknown>;
      /** Always empty: uploads are refused. */
      files?: Record<string, unknown>;
    }
  }
}

export const LOGIN_BODY_LIMIT = 16 * 1024;
export const ADMIN_BODY_LIMIT = 1024 * 1024;

export type BodyKind = "urlencoded" | "json" | "multipart";

const MEDIA_TYPES: Record<BodyKind, string> = {
  urlencoded: "application/x-www-form-urlencoded",
  json: "application/json",
  multipart: "multipart/form-data",
};

export interface BodyRefusal {
  status: 413 | 415;
  message: string;
}

/** The kind of a Content-Type header among those accepted, or null. */
export function bodyKind(contentType: string | undefined, accepted: readonly BodyKind[]): BodyKind | null {
  const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return (
    accepted.find(
      (kind) => MEDIA_TYPES[kind] === media || (kind === "json" && /^application\/[\w.+-]*\+json$/.test(media)),
    ) ?? null
  );
}

/**
 * Whether a body is refused before a byte of it is read: too large by its declared length (413), or of
 * a type not accepted here (415). Null: read it (the limit still holds while reading).
 */
export function refuseBody(
  headers: { "content-type"?: string; "content-length"?: string },
  accepted: readonly BodyKind[],
  limit: number,
): BodyRefusal | null {
  const length = Number(headers["content-length"]);
  if (Number.isFinite(length) && length > limit) return tooLarge(limit);
  if (!bodyKind(headers["content-type"], accepted))
    return {
      status: 415,
      message: `Send the body as ${accepted.map((k) => MEDIA_TYPES[k]).join(" or ")}`,
    };
  return null;
}

const tooLarge = (limit: number): BodyRefusal => ({
  status: 413,
  message: `The body is larger than ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`}`,
});

const FILE_REFUSED: BodyRefusal = { status: 415, message: "File uploads are not accepted" };

function hasBody(req: Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** Requests whose body has been read (a stream is read once). */
const bodyRead = new WeakSet<Request>();

/** A 400 naming the first field whose name is refused (a prototype key, too deep a path), or null. */
function fieldNamesRefusal(fields: Record<string, unknown>): AppError | null {
  const reserved = forbiddenKeyPath(fields);
  const problem = reserved ? { field: reserved, message: "is a reserved name" } : formFieldProblem(Object.keys(fields));
  return problem ? new AppError("validation", `${problem.field}: ${problem.message}`, [problem]) : null;
}

/** Marks the request as parsed for AdminJS's router, with these fields and no files. */
function parsed(req: Request, fields: Record<string, unknown>, read = true): void {
  if (read) bodyRead.add(req);
  Object.assign(req, { fields, files: {}, express_formidable: { parsed: true } });
  // AdminJS's router refuses a request another body parser has marked (req._body).
  delete (req as { _body?: boolean })._body;
}

/** Answers a refusal as problem+json, and discards the rest of the body (read, never kept). */
function refuse(req: Request, res: Response, refusal: BodyRefusal): void {
  if (res.headersSent) return;
  const code = refusal.status === 413 ? "payload_too_large" : "unsupported_media_type";
  res.set("Connection", "close");
  sendProblem(res, new AppError(code, refusal.message, [{ field: "body", message: refusal.message }]));
  req.resume();
}

function parseWith(parser: RequestHandler, req: Request, res: Response, next: NextFunction, limit: number): void {
  parser(req, res, (err?: unknown) => {
    if (err) {
      const e = err as { type?: string; status?: number };
      if (e.type === "entity.too.large") return refuse(req, res, tooLarge(limit));
      if (e.type === "encoding.unsupported" || e.type === "charset.unsupported")
        return refuse(req, res, { status: 415, message: "Unsupported body encoding or charset" });
      return next(err);
    }
    const body = req.body as unknown;
    const fields = body && typeof body === "object" && !Array.isArray(body) ? { ...(body as object) } : {};
    parsed(req, fields);
    next(fieldNamesRefusal(fields) ?? undefined);
  });
}

function parseMultipart(req: Request, res: Response, next: NextFunction, limit: number): void {
  let form: busboy.Busboy;
  try {
    form = busboy({ headers: req.headers, limits: { fieldSize: limit, fields: 1000, parts: 1000 } });
  } catch {
    return refuse(req, res, { status: 415, message: "Malformed multipart body: no boundary" });
  }
  const fields: Record<string, unknown> = {};
  let read = 0;
  let done = false;
  const stop = (refusal: BodyRefusal) => {
    if (done) return;
    done = true;
    req.unpipe(form);
    refuse(req, res, refusal);
  };
  req.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (read > limit) stop(tooLarge(limit));
  });
  form.on("field", (name, value, info) => {
    if (info.valueTruncated) return stop(tooLarge(limit));
    fields[name] = value;
  });
  form.on("file", (_name, stream) => {
    stream.resume();
    stop(FILE_REFUSED);
  });
  form.on("fieldsLimit", () => stop(tooLarge(limit)));
  form.on("partsLimit", () => stop(tooLarge(limit)));
  form.on("error", () => {
    if (done) return;
    stop({ status: 415, message: "Malformed multipart body" });
  });
  form.on("close", () => {
    if (done) return;
    done = true;
    parsed(req, fields);
    next(fieldNamesRefusal(fields) ?? undefined);
  });
  req.pipe(form);
}

/** Reads a body of the accepted kinds up to `limit`; 413/415 problem+json otherwise. */
export function readBody(accepted: readonly BodyKind[], limit: number): RequestHandler {
  const json = express.json({
    limit,
    verify: jsonBodyVerify(),
    type: (req) => bodyKind(req.headers["content-type"], ["json"]) === "json",
  });
  const urlencoded = express.urlencoded({ limit, extended: false, parameterLimit: 1000 });
  return (req, res, next) => {
    if (!hasBody(req)) {
      parsed(req, {});
      return next();
    }
    const refusal = refuseBody(req.headers, accepted, limit);
    if (refusal) return refuse(req, res, refusal);
    const kind = bodyKind(req.headers["content-type"], accepted)!;
    if (kind === "multipart") return parseMultipart(req, res, next, limit);
    parseWith(kind === "json" ? json : urlencoded, req, res, next, limit);
  };
}

/**
 * Before authentication: only the forms posted without a session (the login form, the reset-password
 * form of an e-mailed link) are read, urlencoded up to 16 KB; every other body is left unread.
 */
export function loginBody(formPaths: readonly string[] = ["/login", "/reset-password"]): RequestHandler {
  const form = readBody(["urlencoded"], LOGIN_BODY_LIMIT);
  return (req, res, next) => {
    if (req.method === "POST" && formPaths.includes(req.path)) return form(req, res, next);
    parsed(req, {}, false);
    next();
  };
}

/**
 * After the session is loaded and the action guard has run: an admin's body is read (JSON, urlencoded,
 * multipart fields, 1 MB). Without a session, or on paths that read their own body, nothing is read.
 */
export function adminBodies(options: { skip?: (req: Request) => boolean } = {}): RequestHandler {
  const read = readBody(["json", "urlencoded", "multipart"], ADMIN_BODY_LIMIT);
  return (req, res, next) => {
    if (!req.admin || bodyRead.has(req) || options.skip?.(req)) return next();
    read(req, res, next);
  };
}
