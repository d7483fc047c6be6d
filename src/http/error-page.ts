// The 403 and 404 pages the portal serves itself to a browser (Accept: text/html) outside AdminJS's
// single-page app: Bull Board's 403 today. The same look as AdminJS's layout (its colours, a card,
// a way back to the dashboard), in the reader's language (Accept-Language: English, else French).
// API clients keep problem+json (src/http/errors.ts).
import type { Request, Response } from "express";
import { languageOf } from "../lib/format.js";
import { AppError } from "../lib/errors.js";
import { sendProblem } from "./errors.js";

type Words = readonly [string, string];

const TEXT = {
  forbiddenTitle: ["Accès refusé", "Access denied"],
  forbiddenText: [
    "Votre rôle ne permet pas d'ouvrir cette page. Demandez l'accès à un super administrateur si vous en avez besoin.",
    "Your role does not allow this page. Ask a super administrator for access if you need it.",
  ],
  notFoundTitle: ["Page introuvable", "Page not found"],
  notFoundText: [
    "Cette page n'existe pas (ou plus). Le lien est peut-être ancien.",
    "This page does not exist (or no longer does). The link may be out of date.",
  ],
  back: ["Retour au tableau de bord", "Back to the dashboard"],
} as const satisfies Record<string, Words>;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Whether the request is a browser's page load rather than an API call. */
export function wantsHtml(req: Request): boolean {
  return req.accepts(["application/json", "application/problem+json", "text/html"]) === "text/html";
}

/** The page's language: the browser's first choice of English or French. */
function readerLanguage(req: Request): 0 | 1 {
  const preferred = req.acceptsLanguages("fr", "en");
  return languageOf(preferred || "fr") === "en" ? 1 : 0;
}

export function errorPageHtml(status: 403 | 404, lang: 0 | 1): string {
  const [title, text] =
    status === 403 ? [TEXT.forbiddenTitle, TEXT.forbiddenText] : [TEXT.notFoundTitle, TEXT.notFoundText];
  return `<!doctype html>
<html lang="${lang ? "en" : "fr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title[lang])} · ${status} — Locod-AI</title>
<link rel="icon" href="/favicon.svg">
</head>
<body style="margin:0;background:#f6f7fb;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937">
<header style="background:#fff;border-bottom:1px solid #e5e7eb;padding:1rem 2rem;font-weight:700">
<a href="/admin" style="color:#1f2937;text-decoration:none">Locod-AI</a>
</header>
<main style="max-width:40rem;margin:3rem auto;padding:2.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)" data-testid="error-page-${status}">
<p style="margin:0;font-size:.9rem;font-weight:700;color:#595b6a">${escape(title[lang])} · ${status}</p>
<h1 style="font-size:1.6rem;margin:.75rem 0 1rem">${escape(title[lang])}</h1>
<p style="margin:0 0 2rem">${escape(text[lang])}</p>
<a href="/admin" style="display:inline-block;padding:.6rem 1.2rem;border-radius:6px;background:#3050d0;color:#fff;text-decoration:none">${escape(TEXT.back[lang])}</a>
</main>
</body>
</html>`;
}

/** A 403 or 404: an HTML page for a browser, problem+json for an API client. */
export function sendError(req: Request, res: Response, error: AppError): void {
  const status = error.status === 403 || error.status === 404 ? error.status : null;
  if (status === null || !wantsHtml(req)) return sendProblem(res, error);
  res
    .status(status)
    .set("Cache-Control", "no-store")
    .type("html")
    .send(errorPageHtml(status, readerLanguage(req)));
}
