// Content-Security-Policy with a nonce per request: scripts run only from the portal's origin or with
// this response's nonce. AdminJS writes its pages with inline <script> tags (its initial state, the
// login page's attributes, the start of the React app); their HTML is rewritten on the way out to give
// those tags, and no others, the nonce. The same rewrite drops the Google Fonts stylesheet AdminJS links.
import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";

/** The inline scripts AdminJS's templates write, by how their content starts. */
const ADMINJS_INLINE = {
  state: /^\s*window\.REDUX_STATE\s*=/,
  loginState: /^\s*try\s*\{\s*window\.__APP_STATE__\s*=/,
  boot: /^\s*var app = document\.getElementById\('app'\);/,
};

const GOOGLE_FONTS = /<link\b[^>]*\bhref="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>\s*/gi;

interface InlineScript {
  /** Index just after `<script`. */
  at: number;
  content: string;
}

function inlineScripts(html: string): InlineScript[] {
  const found: InlineScript[] = [];
  const open = /<script>/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const start = m.index + m[0].length;
    const end = html.toLowerCase().indexOf("</script", start);
    found.push({ at: m.index + "<script".length, content: html.slice(start, end < 0 ? html.length : end) });
  }
  return found;
}

/**
 * AdminJS's page with `nonce` on its own inline scripts: the first script of the page when it is the
 * initial state (data from the database comes after its start), and the last login-state and app-start
 * scripts (a copy injected through data comes before them). Any other script tag is left without it.
 */
export function addNonce(html: string, nonce: string): string {
  const scripts = inlineScripts(html);
  const chosen = new Set<number>();
  const first = scripts[0];
  const firstTag = html.search(/<script\b/i);
  if (first && firstTag === first.at - "<script".length && ADMINJS_INLINE.state.test(first.content))
    chosen.add(first.at);
  for (const pattern of [ADMINJS_INLINE.loginState, ADMINJS_INLINE.boot]) {
    const last = scripts.filter((s) => pattern.test(s.content)).at(-1);
    if (last) chosen.add(last.at);
  }
  let out = html;
  for (const at of [...chosen].sort((a, b) => b - a)) out = `${out.slice(0, at)} nonce="${nonce}"${out.slice(at)}`;
  return out.replace(GOOGLE_FONTS, "");
}

/** A fresh nonce on res.locals.cspNonce for helmet's script-src. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(18).toString("base64");
  next();
};

/** helmet's script-src: the origin and this response's nonce. */
export const scriptSources = [
  "'self'",
  (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`,
];

/** Mounted under /admin: HTML pages sent with res.send get the nonce on AdminJS's inline scripts. */
export const nonceAdminPages: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const type = String(res.get("Content-Type") ?? "");
    const html = typeof body === "string" && (/text\/html/i.test(type) || (!type && /^\s*<!doctype html/i.test(body)));
    return send(html ? addNonce(body, String(res.locals.cspNonce)) : body);
  };
  next();
};
