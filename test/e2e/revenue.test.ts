// The Revenue page in a browser, on the demo data: the last full month's KPIs, 12 months of movements
// (table and chart), and a reminder sent from the overdue invoices list.
import path from "node:path";
import type { Browser } from "playwright-core";
import type { Deps } from "../../src/deps.js";
import { seedDemoData } from "../../prisma/seed.js";
import { revenueMetrics } from "../../src/modules/billing/metrics.js";
import { REMINDER_ACTION } from "../../src/modules/billing/dunning.js";
import { makeAdmin } from "../factories/index.js";
import { ARTIFACTS_DIR, logInBrowser, startBrowserApp } from "../helpers/browser.js";

let env: Awaited<ReturnType<typeof startBrowserApp>>;
let deps: Deps;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  env = await startBrowserApp();
  ({ deps, browser, baseUrl } = env);
  await seedDemoData(deps.prisma, { bcryptCost: 4 });
}, 120_000);

afterAll(async () => {
  await env?.deps.queues.byName.mail.obliterate({ force: true });
  await env?.close();
});

/** "4786.98" as the French page writes it: "4 786,98 €" (narrow no-break space between thousands). */
const euroFr = (value: string) => {
  const [units, decimals] = value.split(".");
  return `${units!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")},${decimals} €`;
};

describe("the Revenue page in a browser", () => {
  it("shows the KPIs, the 12 months of movements and sends a reminder for an overdue invoice", async () => {
    const editor = await makeAdmin(deps.prisma, { role: "editor" });
    const metrics = await revenueMetrics(deps.prisma, 12, new Date());
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));

    await logInBrowser(page, baseUrl, editor);

    await page.goto(`${baseUrl}/admin/pages/revenue`);
    const mrr = page.locator('[data-testid="kpi-mrr-value"]');
    await mrr.waitFor({ timeout: 20_000 });
    expect(await mrr.textContent()).toBe(euroFr(metrics.lastFullMonth!.mrrEnd));
    expect(await page.locator('[data-testid="revenue-month"]').count()).toBe(12);
    expect(await page.locator('[data-testid="revenue-bar"]').count()).toBe(12);
    expect(await page.locator('[data-testid="revenue-chart"] rect').count()).toBeGreaterThan(12);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-revenue.png"), fullPage: true });

    const rows = page.locator('[data-testid="overdue-row"]');
    expect(await rows.count()).toBeGreaterThan(0);
    const button = rows.first().locator("button");
    const id = Number((await button.getAttribute("data-testid"))!.replace("remind-", ""));
    await button.click();
    await page.locator(`[data-testid="remind-${id}"][disabled]`).waitFor({ timeout: 20_000 });
    // The button is disabled as soon as the request leaves: wait for the server's answer to be written.
    let reminded: { adminId: number | null }[] = [];
    for (let i = 0; i < 200 && !reminded.length; i++) {
      reminded = await deps.prisma.adminActivityLog.findMany({
        where: { action: REMINDER_ACTION, resourceType: "invoices", resourceId: id },
      });
      if (!reminded.length) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(reminded.map((r) => r.adminId)).toEqual([editor.id]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-revenue-reminded.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
