// The monitoring screens in a browser, on the demo data: the site status page (states, 90-day bars, the
// state filter) and a site's monitoring view (monitors with their uptime, the response-time chart).
import path from "node:path";
import type { Browser } from "playwright-core";
import type { Deps } from "../../src/deps.js";
import { makeAdmin } from "../factories/index.js";
import { ARTIFACTS_DIR, logInBrowser, startDemoBrowserApp, BROWSER_SETUP_MS } from "../helpers/browser.js";

let env: Awaited<ReturnType<typeof startDemoBrowserApp>>;
let deps: Deps;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  env = await startDemoBrowserApp();
  ({ deps, browser, baseUrl } = env);
}, BROWSER_SETUP_MS);

afterAll(async () => {
  await env?.close();
});

describe("the monitoring screens in a browser", () => {
  it("shows every site's state and bar, filters on down sites, and opens a site's monitoring view", async () => {
    const viewer = await makeAdmin(deps.prisma, { role: "viewer", language: "en" });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, baseUrl, viewer);

    await page.goto(`${baseUrl}/admin/pages/monitoringStatus`);
    const rows = page.locator('[data-testid="status-site"]');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="uptime-bar"]').first().getAttribute("aria-label")).toMatch(
      /90-day uptime/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-monitoring-status.png"), fullPage: true });

    const open = await deps.prisma.incident.findFirst({ where: { resolvedAt: null } });
    if (open) {
      await page.goto(`${baseUrl}/admin/pages/monitoringStatus?state=down`);
      await page.locator('[data-testid="state-down"]').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid="state-up"]').count()).toBe(0);
    }

    const monitor = await deps.prisma.monitor.findFirstOrThrow({ orderBy: { id: "asc" } });
    await page.goto(`${baseUrl}/admin/resources/sites/records/${monitor.siteId}/surveillance`);
    await page.locator('[data-testid="site-monitor"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="response-chart"] svg').getAttribute("aria-label")).toMatch(
      /response time/,
    );
    expect(await page.locator('[data-testid="uptime-24h"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-monitoring-site.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
