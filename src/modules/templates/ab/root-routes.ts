// GET /ab/assign and POST /ab/events: the A/B tests of customer sites (issue 15, item 3), at the
// portal's root for browsers of any origin. No session, no cookie: the visitor id is the site's own.
// The variant is always the server's assignment (rules/assignment.ts); an event's sender cannot pick it.
import { createHash } from "node:crypto";
import { Router, type Request, type RequestHandler } from "express";
import type { Deps } from "../../../deps.js";
import type { ApiOperation } from "../../../http/openapi.js";
import { z } from "zod";
import { AppError } from "../../../lib/errors.js";
import { beaconBody, beaconCors, beaconErrors, beaconJson } from "../../../http/beacon.js";
import { parseBody } from "../../../http/params.js";
import { rateLimit } from "../../../http/rate-limit.js";
import { assignVariant } from "./rules/assignment.js";
import { ZAbAssignQuery, ZAbEvent } from "./rules/event.js";
import { testDirectory, type LiveTest } from "./test-directory.js";
import { abEventBuffer, type AbEventBuffer } from "./event-buffer.js";

export const AB_BODY_LIMIT = 2 * 1024;

export interface AbLimits {
  /** Events per window per client IP; 0: no limit. */
  perIp: number;
  windowSeconds: number;
}

/** One visitor sends an exposure per page and a few conversions; an office behind one IP, many visitors. */
export const DEFAULT_AB_LIMITS: AbLimits = { perIp: 600, windowSeconds: 60 };

export interface AbRouteOptions {
  limits?: AbLimits;
  now?: () => Date;
  /** Where accepted events go (tests and the bench flush it). */
  buffer?: AbEventBuffer;
}

function noRunningTest(): AppError {
  return new AppError("validation", "No running A/B test has this id", [
    { field: "test", message: "no running A/B test has this id" },
  ]);
}

export function abRootRoutes(
  deps: Pick<Deps, "pool" | "redis" | "config" | "log">,
  options: AbRouteOptions = {},
): Router {
  const limits = options.limits ?? DEFAULT_AB_LIMITS;
  const now = options.now ?? (() => new Date());
  const tests = testDirectory(deps.pool);
  const buffer =
    options.buffer ??
    abEventBuffer(deps.pool, (err, lost) => deps.log.error({ err: err.message, lost }, "A/B events not written"));
  const accepted = new WeakMap<Request, { test: LiveTest; event: ReturnType<typeof ZAbEvent.parse> }>();

  const readEvent: RequestHandler = (req, _res, next) => {
    (async () => {
      const event = parseBody(ZAbEvent, beaconJson(req));
      const test = await tests.running(event.test);
      if (!test) throw noRunningTest();
      accepted.set(req, { test, event });
    })().then(() => next(), next);
  };

  const limited = rateLimit(
    deps.redis,
    [
      {
        name: "ip",
        limit: () => limits.perIp,
        windowSeconds: () => limits.windowSeconds,
        // A digest: Redis never holds the visitor's IP.
        keyOf: (req) =>
          createHash("sha256")
            .update(req.ip ?? "")
            .digest("base64url")
            .slice(0, 22),
      },
    ],
    {
      keyPrefix: `${deps.config.queuePrefix}:ab`,
      onRedisError: (err) => deps.log.warn({ err: err.message }, "A/B rate limit not counted"),
    },
  );

  const store: RequestHandler = (req, res) => {
    const { test, event } = accepted.get(req)!;
    buffer.push({
      testId: test.id,
      eventId: event.eventId,
      visitorId: event.visitor,
      variant: assignVariant(test.id, event.visitor, test.trafficSplit),
      kind: event.type,
      goal: event.goal ?? null,
      occurredAt: now(),
    });
    res.status(204).end();
  };

  const anyOrigin = beaconCors("GET, POST");
  const router = Router({ caseSensitive: true, strict: true });
  router.options(["/ab/assign", "/ab/events"], anyOrigin);
  router.get("/ab/assign", anyOrigin, (req, res, next) => {
    (async () => {
      const query = parseBody(ZAbAssignQuery, req.query);
      const test = await tests.running(query.test);
      if (!test) throw noRunningTest();
      const variant = assignVariant(test.id, query.visitor, test.trafficSplit);
      res.set("Cache-Control", "no-store");
      res.json({ test: test.id, variant, versionId: variant === "A" ? test.versionAId : test.versionBId });
    })().catch(next);
  });
  router.post("/ab/events", anyOrigin, ...beaconBody(AB_BODY_LIMIT), readEvent, limited, store);
  router.use("/ab", beaconErrors(deps.log, "A/B request failed"));
  return router;
}

const ZAbAssignment = z.object({
  test: z.number().int(),
  variant: z.enum(["A", "B"]),
  versionId: z.number().int().nullable().describe("the template version to render for this variant"),
});

/** /ab/assign and /ab/events in the OpenAPI document, at the portal's root. */
export const AB_ROOT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/ab/assign",
    server: "/",
    tag: "A/B tests",
    summary: "The variant (A or B) of a visitor in a running A/B test, and the template version to render",
    description:
      "Any origin, no credentials. The answer is a hash of the test and the visitor id, so a visitor keeps its variant " +
      "on every page and visit, and the test's traffic split holds over its visitors. Send an `exposure` event when " +
      "the visitor is shown the variant.",
    permission: null,
    query: ZAbAssignQuery,
    responses: {
      200: {
        description: "The visitor's variant",
        schema: { name: "AbAssignment", schema: ZAbAssignment },
      },
      400: { description: "`test` names no running A/B test, or `visitor` is invalid: `errors` names the field" },
    },
  },
  {
    method: "post",
    path: "/ab/events",
    server: "/",
    tag: "A/B tests",
    summary: "An exposure or a conversion of a visitor in a running A/B test",
    description:
      "Any origin, no credentials; the body is JSON sent as text/plain (navigator.sendBeacon) or application/json. " +
      "Idempotent per `eventId`: resending an event (a retry) counts it once. A conversion counts for a visitor " +
      "exposed before it, once per goal. The variant is the visitor's assignment (as /ab/assign answers). " +
      `Rate limited per client IP (${DEFAULT_AB_LIMITS.perIp} per ${DEFAULT_AB_LIMITS.windowSeconds} s).`,
    permission: null,
    body: { name: "AbEvent", schema: ZAbEvent },
    example: {
      test: 2,
      visitor: "6f1c2b0e-3a4d-4b8e-9d51-2f7c8a9e0b13",
      eventId: "e-81f2",
      type: "conversion",
      goal: "signup",
    },
    responses: {
      204: { description: "Counted (written within a fraction of a second)" },
      400: { description: "A field is invalid, or `test` names no running A/B test: `errors` names the field" },
      413: { description: `The body is over ${AB_BODY_LIMIT} bytes` },
      429: { description: "Too many events from this IP; retry after Retry-After seconds" },
    },
  },
];
