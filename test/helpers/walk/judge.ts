// What the walk concludes from what one page did: its requests, console, accessibility report and text.
// Pure functions over plain records, so the rules read (and are tested) apart from the browser.
import { isExpected403, type WalkPage } from "./plan.js";
import type { Leak } from "./vocabulary.js";

/** At most this many API requests while a page sits idle for IDLE_WINDOW_MS (a deliberate refresh fits). */
export const MAX_IDLE_API_REQUESTS = 2;
export const IDLE_WINDOW_MS = 10_000;

export interface SeenRequest {
  url: string;
  method: string;
  /** ms since the page was opened. */
  at: number;
  /** HTTP status, or undefined when the request failed without an answer. */
  status?: number;
  /** The network error of a failed request (net::ERR_...). */
  failure?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: unknown[] }[];
}

export interface PageObservation {
  page: WalkPage;
  /** The portal's origin: every request must go there. */
  origin: string;
  requests: SeenRequest[];
  consoleErrors: string[];
  /** When the page settled (ms since opened), or undefined if it never did. */
  settledAt?: number;
  /** The requests still in flight when the page gave up settling. */
  unsettled?: string[];
  /** When its idle window began: when it settled, or when the walk stopped waiting for it. */
  idleFrom: number;
  /** Its visible text. */
  text: string;
  /** The HTTP status of the document (for pages served outside AdminJS's app). */
  documentStatus?: number;
  violations: AxeViolation[];
  leaks: Leak[];
  /** `<html lang>` of the page. */
  htmlLang?: string;
  language: string;
  /** An error thrown while looking at the page (navigation, axe). */
  error?: string;
}

/** An AdminJS or portal API request (what a page asks for data, as opposed to scripts and images). */
export function isApiRequest(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.startsWith("/admin/api/");
}

function isLocal(url: string): boolean {
  return /^(data|blob|about):/.test(url);
}

/** A console message that only repeats an answer the page expects (Chromium logs each 4xx as an error). */
function expectedConsole(message: string, obs: PageObservation): boolean {
  if (!/status of 403/.test(message)) return false;
  return obs.requests.some(
    (r) => r.status === 403 && isExpected403(obs.page, new URL(r.url).pathname) && message.includes("403"),
  );
}

/**
 * A request the page cancelled itself (AdminJS asks for a record again when its route settles) and then
 * sent again and got answered: superseded, not failed.
 */
function answeredLater(requests: readonly SeenRequest[], index: number): boolean {
  const aborted = requests[index]!;
  return requests
    .slice(index + 1)
    .some((r) => r.url === aborted.url && r.method === aborted.method && r.status !== undefined && r.status < 400);
}

export interface JudgeWords {
  /** The "page not found" titles of both languages: a forbidden page must not read as one. */
  notFound: readonly string[];
}

/** Every reason the page fails, in a fixed order; empty when it passes. */
export function judge(obs: PageObservation, words: JudgeWords): string[] {
  const reasons: string[] = [];
  const { page, origin } = obs;
  if (obs.error) reasons.push(`error: ${obs.error}`);
  if (obs.settledAt === undefined) {
    const pending = (obs.unsettled ?? []).map((url) => url.replace(origin, "")).join(", ");
    reasons.push(`never settled (requests kept coming)${pending ? `: in flight ${pending}` : ""}`);
  }
  const foreign = obs.requests.filter((r) => !isLocal(r.url) && new URL(r.url).origin !== origin);
  for (const host of new Set(foreign.map((r) => new URL(r.url).host))) reasons.push(`request to another host: ${host}`);
  for (const [i, r] of obs.requests.entries()) {
    if (isLocal(r.url) || new URL(r.url).origin !== origin) continue;
    const path = new URL(r.url).pathname;
    if (r.status === 403 && isExpected403(page, path)) continue;
    if (r.failure === "net::ERR_ABORTED" && answeredLater(obs.requests, i)) continue;
    if (r.failure) reasons.push(`failed request: ${r.method} ${path} (${r.failure})`);
    else if (r.status !== undefined && r.status >= 400)
      reasons.push(`failed request: ${r.method} ${path} -> ${r.status}`);
  }
  if (page.kind === "forbidden" && words.notFound.some((title) => obs.text.includes(title)))
    reasons.push("forbidden page reads as not found (404) instead of forbidden (403)");
  {
    const start = obs.idleFrom;
    const idle = obs.requests.filter(
      (r) => isApiRequest(r.url) && r.at > start && r.at <= start + IDLE_WINDOW_MS && new URL(r.url).origin === origin,
    );
    if (idle.length > MAX_IDLE_API_REQUESTS) {
      const paths = [...new Set(idle.map((r) => new URL(r.url).pathname))].join(", ");
      reasons.push(
        `${idle.length} API requests in ${IDLE_WINDOW_MS / 1000} idle seconds (max ${MAX_IDLE_API_REQUESTS}): ${paths}`,
      );
    }
  }
  for (const message of obs.consoleErrors) {
    if (!expectedConsole(message, obs)) reasons.push(`console error: ${message.slice(0, 300)}`);
  }
  for (const v of obs.violations) {
    if (v.impact !== "critical" && v.impact !== "serious") continue;
    const targets = v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(" "))
      .join(" | ");
    reasons.push(`axe ${v.impact} ${v.id} (${v.nodes.length}x): ${v.help} [${targets}]`);
  }
  if (obs.htmlLang !== undefined && obs.htmlLang !== obs.language)
    reasons.push(`<html lang="${obs.htmlLang}"> on a page in ${obs.language}`);
  if (obs.leaks.length) {
    const byKind = new Map<string, string[]>();
    for (const leak of obs.leaks) byKind.set(leak.kind, [...(byKind.get(leak.kind) ?? []), leak.word]);
    for (const [kind, found] of byKind) reasons.push(`untranslated ${kind}: ${found.join(", ")}`);
  }
  return reasons;
}

export interface PageFailure {
  context: string;
  page: WalkPage;
  reasons: string[];
}

/** Every failing page with all its reasons, grouped by context (role and language). */
export function report(failures: readonly PageFailure[], walked: number): string {
  if (!failures.length) return `${walked} pages walked, none failed`;
  const lines = [`${failures.length} of ${walked} pages failed:`];
  for (const f of failures) {
    lines.push(`- [${f.context}] ${f.page.key} ${f.page.path}`);
    for (const reason of f.reasons) lines.push(`    ${reason}`);
  }
  return lines.join("\n");
}
