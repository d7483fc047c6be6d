// The walk in the browser: one context per role and language, several tabs ("lanes") open at once, each
// opening a page, looking at it once it has settled, then leaving it idle for IDLE_WINDOW_MS while the
// other lanes work, so the idle windows overlap instead of adding up.
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { IDLE_WINDOW_MS, type AxeViolation, type PageObservation, type SeenRequest } from "./judge.js";
import type { Language, WalkPage } from "./plan.js";
import type { Leak } from "./vocabulary.js";

/** Quiet network this long (and nothing in flight) means the page has settled. */
const QUIET_MS = 600;
/** A page still asking after this long never settles. */
const SETTLE_LIMIT_MS = 45_000;
/** A first load in a tab fetches the whole app; on a busy two-core machine that can take long. */
const LOAD_LIMIT_MS = 90_000;

export interface Login {
  email: string;
  password: string;
}

export interface WalkContext {
  /** "viewer/en" */
  name: string;
  language: Language;
  context: BrowserContext;
}

export interface Visit {
  context: WalkContext;
  page: WalkPage;
}

/** axe-core's script, injected into each page from node_modules (no CDN). */
export async function axeSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve("axe-core/axe.min.js"), "utf8");
}

/**
 * Rules whose findings are at most "moderate" cannot fail the walk (it fails on critical and serious);
 * they are left out to keep axe fast on a small machine.
 */
const AXE_OPTIONS_SCRIPT = `(() => {
  const quiet = axe._audit.rules.filter((r) => r.impact === "minor" || r.impact === "moderate").map((r) => r.id);
  return { resultTypes: ["violations"], rules: Object.fromEntries(quiet.map((id) => [id, { enabled: false }])) };
})()`;

/**
 * Logs in through the login page in the context's language: its FR | EN switch, or a language control
 * of the form when it offers one (the choice is then the admin's), else AdminJS's own language menu
 * after each load.
 */
export async function logIn(walk: WalkContext, baseUrl: string, login: Login): Promise<void> {
  const page = await walk.context.newPage();
  try {
    // The login page's FR | EN switch (a link): the admin who logs in next takes that language.
    await page.goto(`${baseUrl}/admin/language/${walk.language}?next=/admin/login`);
    await page.waitForURL((url) => url.pathname.endsWith("/login"));
    const control = page.locator('form [name="language"], form [name="lang"], form [name="locale"]').first();
    if (await control.count()) {
      const tag = await control.evaluate((el) => el.tagName.toLowerCase());
      if (tag === "select") await control.selectOption(walk.language);
      else await page.locator(`form [name="${await control.getAttribute("name")}"][value="${walk.language}"]`).check();
    }
    await page.fill('input[name="email"]', login.email);
    await page.fill('input[name="password"]', login.password);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.endsWith("/login")),
      page.click("form button[type=submit], form button"),
    ]);
  } finally {
    await page.close();
  }
}

/** Words of AdminJS's language menu (components.LanguageSelector.availableLanguages) in each language. */
const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  fr: { fr: "Français", en: "Anglais" },
  en: { fr: "French", en: "English" },
};

/** Switches AdminJS's app to `language` through its language menu when the page shows another one. */
async function chooseLanguage(page: Page, language: Language): Promise<void> {
  const other: Language = language === "fr" ? "en" : "fr";
  const current = page.locator("button", {
    hasText: new RegExp(`^\\s*(${Object.values(LANGUAGE_NAMES[other]).join("|")})\\s*$`),
  });
  const wanted = new RegExp(`^\\s*(${LANGUAGE_NAMES[other][language]}|${LANGUAGE_NAMES[language][language]})\\s*$`);
  const shows = page.locator("button", { hasText: wanted });
  if ((await shows.count()) > 0 || (await current.count()) === 0) return;
  await current.first().click();
  await page.locator('[role="menu"] *, [data-css] *', { hasText: wanted }).last().click();
  await shows.first().waitFor({ timeout: 5_000 });
  // The menu opens on hover: the pointer leaves it so that it closes.
  await page.mouse.move(720, 880);
}

interface Lane {
  tab: Page;
  context: WalkContext;
  /** The tab holds AdminJS's app, which can move to another of its pages without reloading. */
  inApp: boolean;
  current?: { obs: PageObservation; opened: number; inFlight: Set<Request>; lastActivity: number; closed: boolean };
  seen: WeakMap<Request, SeenRequest>;
}

function openLane(context: WalkContext): Promise<Lane> {
  return context.context.newPage().then((tab) => {
    const lane: Lane = { tab, context, inApp: false, seen: new WeakMap() };
    tab.on("dialog", (dialog) => void dialog.dismiss());
    tab.on("request", (request) => {
      const cur = lane.current;
      if (!cur || cur.closed) return;
      const seen: SeenRequest = { url: request.url(), method: request.method(), at: Date.now() - cur.opened };
      cur.obs.requests.push(seen);
      lane.seen.set(request, seen);
      cur.inFlight.add(request);
      cur.lastActivity = Date.now();
    });
    const done = (request: Request) => {
      const cur = lane.current;
      if (!cur) return;
      cur.inFlight.delete(request);
      cur.lastActivity = Date.now();
    };
    tab.on("response", (response) => {
      const request = response.request();
      const seen = lane.seen.get(request);
      if (seen && !lane.current?.closed) seen.status = response.status();
      // An API answer or a font is in once its answer arrives: Chromium does not always report such a
      // request finished (a refused list's 403 the app stops reading), which is no request left in flight.
      if (response.status() >= 300 || ["xhr", "fetch", "font"].includes(request.resourceType())) done(request);
    });
    tab.on("requestfinished", done);
    tab.on("requestfailed", (request) => {
      const seen = lane.seen.get(request);
      if (seen && !lane.current?.closed) seen.failure = request.failure()?.errorText ?? "failed";
      done(request);
    });
    tab.on("console", (message) => {
      const cur = lane.current;
      if (message.type() === "error" && cur && !cur.closed) cur.obs.consoleErrors.push(message.text());
    });
    tab.on("pageerror", (error) => {
      const cur = lane.current;
      if (cur && !cur.closed) cur.obs.consoleErrors.push(`uncaught: ${error.message}`);
    });
    return lane;
  });
}

async function settle(lane: Lane): Promise<number | undefined> {
  const cur = lane.current!;
  for (;;) {
    const now = Date.now();
    if (cur.inFlight.size === 0 && now - cur.lastActivity >= QUIET_MS) return cur.lastActivity - cur.opened;
    if (now - cur.opened > SETTLE_LIMIT_MS) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface LookOptions {
  baseUrl: string;
  axe: string;
  screenshotDir: string;
  leaks: Record<Language, (text: string) => Leak[]>;
}

/** Opens one page in a lane, looks at it, waits out its idle window and answers what it saw. */
async function visit(lane: Lane, visitOf: Visit, options: LookOptions): Promise<PageObservation> {
  const { page } = visitOf;
  const language = lane.context.language;
  const obs: PageObservation = {
    page,
    origin: new URL(options.baseUrl).origin,
    requests: [],
    consoleErrors: [],
    violations: [],
    leaks: [],
    language,
    idleFrom: SETTLE_LIMIT_MS,
    text: "",
  };
  const cur = { obs, opened: Date.now(), inFlight: new Set<Request>(), lastActivity: Date.now(), closed: false };
  lane.current = cur;
  const tab = lane.tab;
  try {
    if (page.spa && lane.inApp) {
      await tab.evaluate((target) => {
        window.history.pushState({}, "", target);
        window.dispatchEvent(new PopStateEvent("popstate", { state: {} }));
      }, page.path);
    } else {
      const response = await tab.goto(options.baseUrl + page.path, { waitUntil: "load", timeout: LOAD_LIMIT_MS });
      obs.documentStatus = response?.status();
      lane.inApp = await tab.evaluate(() => "REDUX_STATE" in window);
      if (lane.inApp) await chooseLanguage(tab, language);
    }
    obs.settledAt = await settle(lane);
    if (obs.settledAt === undefined) obs.unsettled = [...cur.inFlight].map((request) => request.url());
    obs.idleFrom = obs.settledAt ?? Date.now() - cur.opened;
    obs.htmlLang = await tab.evaluate(() => document.documentElement.lang);
    await tab.evaluate(options.axe);
    const result = await tab.evaluate(`axe.run(document, ${AXE_OPTIONS_SCRIPT})`);
    obs.violations = (result as { violations: AxeViolation[] }).violations;
    // Words of the interface, not data: JSON and code shown as such (<pre>, <code>) are left out, and so is
    // text marked as written in another language (lang="en" on a French page: an English subject).
    obs.text = await tab.evaluate(() => {
      const page = document.documentElement.lang;
      const foreign = `pre, code, [lang]:not([lang="${page}"]):not(html)`;
      const code = Array.from(document.querySelectorAll<HTMLElement>(foreign)).map(
        (el) => [el, el.style.display] as const,
      );
      for (const [el] of code) el.style.display = "none";
      const text = document.body.innerText;
      for (const [el, display] of code) el.style.display = display;
      return text;
    });
    obs.leaks = options.leaks[language](obs.text);
    // What the admin sees first, as JPEG: a full-page PNG of every page costs the walk minutes of CPU.
    const file = `${lane.context.name.replace("/", "-")}-${page.key}.jpg`;
    await tab.screenshot({ path: path.join(options.screenshotDir, file), type: "jpeg", quality: 70 });
  } catch (error) {
    obs.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
  // The idle window: from the moment the page settled (or gave up settling), IDLE_WINDOW_MS of nothing.
  const windowEnd = cur.opened + obs.idleFrom + IDLE_WINDOW_MS + 50;
  const wait = windowEnd - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  cur.closed = true;
  return obs;
}

/**
 * Visits every page of `visits` (grouped by context) with `lanes` tabs at once; answers the
 * observations in the order of `visits`.
 */
export async function walkPages(
  visits: readonly Visit[],
  lanes: number,
  options: LookOptions,
  progress?: (done: number, total: number) => void,
): Promise<PageObservation[]> {
  await mkdir(options.screenshotDir, { recursive: true });
  const results: PageObservation[] = new Array(visits.length);
  let next = 0;
  let done = 0;
  const run = async () => {
    let lane: Lane | undefined;
    try {
      while (next < visits.length) {
        const index = next++;
        const item = visits[index]!;
        if (lane && lane.context !== item.context) {
          await lane.tab.close();
          lane = undefined;
        }
        lane ??= await openLane(item.context);
        // A page outside the app (an account page) leaves the tab outside it.
        results[index] = await visit(lane, item, options);
        if (!item.page.spa) lane.inApp = await lane.tab.evaluate(() => "REDUX_STATE" in window).catch(() => false);
        progress?.(++done, visits.length);
      }
    } finally {
      await lane?.tab.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, run));
  return results;
}

export async function newWalkContext(browser: Browser, role: string, language: Language): Promise<WalkContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: language === "fr" ? "fr-FR" : "en-GB",
    timezoneId: "Europe/Paris",
  });
  return { name: `${role}/${language}`, language, context };
}
