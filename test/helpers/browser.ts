// Debian's Chromium driven by playwright-core (playwright's own browser download cannot work offline).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import { guarded } from "./response-guard.js";
import { seedDemoData } from "../../prisma/seed.js";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../artifacts");

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** How long a test file may take to start the app and Chromium: the bundle and seed on a busy machine. */
export const BROWSER_SETUP_MS = 600_000;

/**
 * The real app (components bundled, as a browser gets them) on a free port whose origin is also its
 * PUBLIC_BASE_URL (the only origin it accepts form posts from), behind the password-hash guard, and a
 * browser to drive it.
 */
export async function startBrowserApp(): Promise<{
  deps: Deps;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const deps = createDeps(loadConfig({ ...process.env, PUBLIC_BASE_URL: baseUrl }));
  const app = guarded(await createApp(deps, { bundle: true }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, "127.0.0.1", () => resolve(s));
  });
  const browser = await launchBrowser();
  return {
    deps,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await closeDeps(deps);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Logs `page` in through the login form and waits for the dashboard. */
export async function logInBrowser(
  page: Page,
  baseUrl: string,
  login: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.fill('input[name="email"]', login.email);
  await page.fill('input[name="password"]', login.password);
  await Promise.all([page.waitForURL(`${baseUrl}/admin`), page.click("form button")]);
}

/** The browser app (startBrowserApp) on the demo data, as `npm start` seeds it. */
export async function startDemoBrowserApp(): ReturnType<typeof startBrowserApp> {
  const env = await startBrowserApp();
  await seedDemoData(env.deps.prisma, { bcryptCost: 4 });
  return env;
}

export type BrowserApp = Awaited<ReturnType<typeof startBrowserApp>>;

/**
 * A test file's browser app: started before its tests (on the demo data with `demo`, then `prepare`),
 * closed after them with the mail jobs it queued. Its fields are read inside tests, once started.
 */
export function useBrowserApp(
  options: { demo?: boolean; prepare?: (app: BrowserApp) => Promise<void> } = {},
): BrowserApp {
  const app = {} as BrowserApp;
  beforeAll(async () => {
    Object.assign(app, options.demo ? await startDemoBrowserApp() : await startBrowserApp());
    await options.prepare?.(app);
  }, BROWSER_SETUP_MS);
  afterAll(async () => {
    if (!app.deps) return;
    await app.deps.queues.byName.mail.obliterate({ force: true });
    await app.close();
  });
  return app;
}

/** "4786.98" as the French pages write it: "4 786,98 €" (narrow no-break space between thousands,
 * no-break space before €). */
export const euroFr = (value: string): string => {
  const [units, decimals] = value.split(".");
  return `${units!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")},${decimals}\u00a0€`;
};
