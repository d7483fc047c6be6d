// X-Request-Id: every answer carries one, and every log line of the request names it (pino-http's
// genReqId). A client's own id is kept when it is a sane token, so that its logs and ours meet.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export const REQUEST_ID_HEADER = "X-Request-Id";
const SANE = /^[A-Za-z0-9._:-]{8,128}$/;

/** The client's id when it is 8-128 characters of [A-Za-z0-9._:-], else a new UUID. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === "string" && SANE.test(given) ? given : randomUUID();
}

/** pino-http's genReqId: picks the request's id and puts it on the answer. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdOf(req.headers["x-request-id"]);
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
