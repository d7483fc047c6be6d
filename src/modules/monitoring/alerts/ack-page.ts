// The page an alert e-mail's "Acknowledge" link opens: GET /admin/monitoring/incidents/acknowledge?token=
// Behind the session: without one, the login page comes first and brings the admin back here. The
// token (rules/ack-token.ts) names the incident; the acknowledgement is the same use case as the
// incident's page and REST, so it needs monitoring.configure_alerts and works once.
import { Router, type Response } from "express";
import type { Language, PrismaClient } from "@prisma/client";
import type { Config } from "../../../config.js";
import { AppError } from "../../../lib/errors.js";
import { escapeHtml } from "../../../lib/email/layout.js";
import { ACK_PATH, verifyAckToken } from "./rules/ack-token.js";
import { acknowledgeIncident } from "./acknowledge.js";

type Outcome = "done" | "taken" | "resolved" | "invalid" | "expired" | "forbidden" | "missing";

const WORDS: Record<Outcome | "title" | "open", readonly [fr: string, en: string]> = {
  title: ["Prise en charge d'un incident", "Acknowledging an incident"],
  done: [
    "Vous avez pris en charge l'incident #{id} : il ne sera plus escaladé.",
    "You acknowledged incident #{id}: it will not escalate any further.",
  ],
  taken: ["L'incident #{id} est déjà pris en charge.", "Incident #{id} is already acknowledged."],
  resolved: ["L'incident #{id} est déjà résolu.", "Incident #{id} is already resolved."],
  missing: ["Cet incident n'existe plus.", "This incident no longer exists."],
  invalid: ["Ce lien n'est pas valide.", "This link is not valid."],
  expired: [
    "Ce lien a expiré : prenez l'incident en charge depuis sa page.",
    "This link has expired: acknowledge the incident from its page.",
  ],
  forbidden: [
    "Prendre en charge un incident demande la permission monitoring.configure_alerts.",
    "Acknowledging an incident needs the monitoring.configure_alerts permission.",
  ],
  open: ["Voir l'incident", "Open the incident"],
};

const STATUS: Record<Outcome, number> = {
  done: 200,
  taken: 409,
  resolved: 409,
  missing: 404,
  invalid: 400,
  expired: 400,
  forbidden: 403,
};

function page(res: Response, language: Language, outcome: Outcome, incidentId: number | null): void {
  const i = language === "fr" ? 0 : 1;
  const say = (key: keyof typeof WORDS) => WORDS[key][i].replace("{id}", String(incidentId ?? ""));
  const link =
    incidentId && outcome !== "missing"
      ? `<p><a href="/admin/resources/incidents/records/${incidentId}/show">${escapeHtml(say("open"))}</a></p>`
      : "";
  res
    .status(STATUS[outcome])
    .type("html")
    .send(
      [
        "<!DOCTYPE html>",
        `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(say("title"))}</title></head>`,
        '<body style="font-family:Arial,Helvetica,sans-serif;margin:3rem auto;max-width:40rem;line-height:1.5">',
        `<h1 style="font-size:1.25rem">${escapeHtml(say("title"))}</h1>`,
        `<p data-outcome="${outcome}">${escapeHtml(say(outcome))}</p>`,
        link,
        "</body></html>",
      ].join("\n"),
    );
}

export function ackPageRoutes(deps: { prisma: PrismaClient; config: Pick<Config, "jwtSecret"> }): Router {
  const router = Router();
  router.get(ACK_PATH, (req, res, next) => {
    if (!req.admin) {
      req.session.redirectTo = req.originalUrl;
      return res.redirect(302, "/admin/login");
    }
    if (req.session.redirectTo === req.originalUrl) delete req.session.redirectTo;
    const language: Language = req.admin.language ?? "fr";
    const token = typeof req.query.token === "string" ? req.query.token : "";
    const check = verifyAckToken(deps.config.jwtSecret, token, new Date());
    if (!check.ok) return page(res, language, check.reason, null);
    acknowledgeIncident(deps.prisma, check.incidentId).then(
      () => page(res, language, "done", check.incidentId),
      (err: unknown) => {
        if (!(err instanceof AppError)) return next(err);
        const outcome: Outcome =
          err.code === "forbidden"
            ? "forbidden"
            : err.code === "not_found"
              ? "missing"
              : /resolved/.test(err.message)
                ? "resolved"
                : "taken";
        page(res, language, outcome, check.incidentId);
      },
    );
  });
  return router;
}
