// At the portal's root, for mail clients and recipients' browsers: GET /t/o/{token} (the open pixel),
// GET /t/c/{token} (the click redirect, only to a link of the campaign), GET and POST /t/u/{token}
// (the unsubscribe page and RFC 8058 one-click unsubscribe). No session, no cookie. A token that does
// not verify is a 404. Under /webhooks: POST /webhooks/email, the provider's bounces and complaints.
import { Router, raw, urlencoded, type ErrorRequestHandler, type Request, type Response } from "express";
import { z } from "zod";
import type { Deps } from "../../../deps.js";
import type { ApiOperation } from "../../../http/openapi.js";
import { sendProblem } from "../../../http/errors.js";
import { AppError, fieldErrorsFromZod } from "../../../lib/errors.js";
import { campaignsLocale } from "../locale.js";
import { trackingKey } from "./rules/token.js";
import { EMAIL_SIGNATURE_HEADER, verifyEmailWebhook } from "./rules/signature.js";
import { applyEmailEvent, readToken, recordClick, recordOpen, sendOf, unsubscribe } from "./service.js";

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

const NO_STORE = {
  "Cache-Control": "no-store, private",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

function notFound(): AppError {
  return new AppError("not_found", "Unknown or altered link");
}

function word(key: string, language: "fr" | "en"): string {
  const w = campaignsLocale.messages?.[key];
  return w ? w[language === "en" ? 1 : 0] : key;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: Response, language: "fr" | "en", title: string, body: string): void {
  res.set({
    ...NO_STORE,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy":
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
  res.send(`<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}
button{font:inherit;padding:.6rem 1.2rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`);
}

export function trackingRoutes(deps: Pick<Deps, "prisma" | "config" | "log">): Router {
  const key = trackingKey(deps.config.session.secret);
  const router = Router({ caseSensitive: true, strict: true });

  router.get("/t/o/:token", async (req, res, next) => {
    try {
      const token = readToken(key, req.params.token!, "open");
      if (!token || !(await recordOpen(deps.prisma, token.sendId))) throw notFound();
      res.set({ ...NO_STORE, "Content-Type": "image/gif" }).send(PIXEL);
    } catch (error) {
      next(error);
    }
  });

  router.get("/t/c/:token", async (req, res, next) => {
    try {
      const token = readToken(key, req.params.token!, "click");
      if (!token || token.kind !== "click") throw notFound();
      const url = await recordClick(deps.prisma, token.sendId, token.link);
      if (!url) throw notFound();
      res.set(NO_STORE).redirect(302, url);
    } catch (error) {
      next(error);
    }
  });

  const unsubscribeTarget = async (req: Request) => {
    const token = readToken(key, String(req.params.token), "unsubscribe");
    const send = token ? await sendOf(deps.prisma, token.sendId) : null;
    if (!send) throw notFound();
    return send;
  };

  // A GET never unsubscribes (link scanners follow links): it shows the page and its button.
  router.get("/t/u/:token", async (req, res, next) => {
    try {
      const send = await unsubscribeTarget(req);
      page(
        res,
        send.language,
        word("unsubscribeTitle", send.language),
        `<p>${escape(word("unsubscribeText", send.language))}</p><p><strong>${escape(send.email)}</strong></p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escape(
          word("unsubscribeButton", send.language),
        )}</button></form>`,
      );
    } catch (error) {
      next(error);
    }
  });

  // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click; the page's button posts the same.
  router.post("/t/u/:token", urlencoded({ extended: false, limit: "2kb" }), async (req, res, next) => {
    try {
      const send = await unsubscribeTarget(req);
      const oneClick = (req.body as Record<string, unknown> | undefined)?.["List-Unsubscribe"] === "One-Click";
      if (!oneClick)
        throw new AppError("validation", "List-Unsubscribe=One-Click is required", [
          { field: "List-Unsubscribe", message: "must be One-Click" },
        ]);
      const fromPage = (req.get("accept") ?? "").includes("text/html");
      await unsubscribe(deps.prisma, send, fromPage ? "unsubscribe_page" : "list_unsubscribe_post");
      page(
        res,
        send.language,
        word("unsubscribedTitle", send.language),
        `<p>${escape(word("unsubscribedText", send.language))}</p>`,
      );
    } catch (error) {
      next(error);
    }
  });

  router.use("/t", ((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (!(err instanceof AppError)) deps.log.error({ err }, "tracking request failed");
    sendProblem(res, err);
  }) as ErrorRequestHandler);
  return router;
}

export const ZEmailEvent = z.object({
  event_id: z.string().min(1).max(200),
  type: z.enum(["bounced", "complained"]),
  email: z.string().email().max(320),
  send_id: z.number().int().positive().optional(),
});

export function emailWebhookRoutes(deps: Pick<Deps, "prisma" | "config" | "log">): Router {
  const router = Router();
  router.use("/email", raw({ type: () => true, limit: "64kb" }));
  router.post("/email", async (req, res) => {
    try {
      const secret = deps.config.emailWebhookSecret;
      if (!secret) throw new AppError("unavailable", "The e-mail webhook is not configured");
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyEmailWebhook(secret, req.get(EMAIL_SIGNATURE_HEADER), body, Math.floor(Date.now() / 1000))) {
        throw new AppError("unauthenticated", "Bad or missing signature");
      }
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        throw new AppError("validation", "Malformed JSON body", [{ field: "(body)", message: "malformed JSON" }]);
      }
      const parsed = ZEmailEvent.safeParse(json);
      if (!parsed.success) throw new AppError("validation", "Invalid e-mail event", fieldErrorsFromZod(parsed.error));
      const e = parsed.data;
      const applied = await applyEmailEvent(deps.prisma, {
        eventId: e.event_id,
        kind: e.type,
        email: e.email,
        sendId: e.send_id,
      });
      res.status(200).json({ applied });
    } catch (error) {
      if (!(error instanceof AppError)) deps.log.error({ err: error }, "e-mail webhook failed");
      sendProblem(res, error);
    }
  });
  return router;
}

const token = { token: { type: "string" as const, description: "The signed token of the e-mail's link" } };

export const TRACKING_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/t/o/{token}",
    server: "/",
    tag: "campaign tracking",
    summary: "The open pixel of a campaign e-mail: records the recipient's first open",
    description:
      "Each tracked link of a campaign e-mail is GET /t/c/{token} instead: it records the click (per recipient and " +
      "per link) and answers 302 to the campaign's own link, never to another URL; an unknown or altered token is a 404.",
    permission: null,
    pathParams: token,
    responses: {
      200: { description: "A 1x1 GIF", contentType: "image/gif" },
      404: { description: "Unknown or altered token" },
    },
  },
  {
    method: "get",
    path: "/t/u/{token}",
    server: "/",
    tag: "campaign tracking",
    summary: "The unsubscribe page (French or English by the recipient's language); unsubscribes nothing by itself",
    permission: null,
    pathParams: token,
    responses: {
      200: { description: "The page", contentType: "text/html" },
      404: { description: "Unknown or altered token" },
    },
  },
  {
    method: "post",
    path: "/t/u/{token}",
    server: "/",
    tag: "campaign tracking",
    summary: "One-click unsubscribe (RFC 8058): body List-Unsubscribe=One-Click, form-encoded",
    permission: null,
    pathParams: token,
    responses: {
      200: { description: "Unsubscribed: no further campaign reaches the address", contentType: "text/html" },
      400: { description: "The body is not List-Unsubscribe=One-Click" },
      404: { description: "Unknown or altered token" },
    },
  },
];
