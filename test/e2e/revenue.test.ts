// The Revenue page in a browser, on the demo data: the last full month's KPIs, 12 months of movements
// (table and chart), and a reminder sent from the overdue invoices list.
import path from "node:path";
import { revenueMetrics } from "../../src/modules/billing/metrics.js";
import { REMINDER_ACTION } from "../../src/modules/billing/dunning.js";
import { makeAdmin } from "../factories/index.js";
import { until } from "../helpers/wait.js";
import { ARTIFACTS_DIR, euroFr, logInBrowser, useBrowserApp } from "../helpers/browser.js";
import { IDLE_REQUEST_LIMIT, idleApiRequests } from "../helpers/idle-requests.js";

const app = useBrowserApp({ demo: true });

describe("the Revenue page in a browser", () => {
  it("shows the KPIs, the 12 months of movements and sends a reminder for an overdue invoice", async () => {
    const editor = await makeAdmin(app.deps.prisma, { role: "editor" });
    const metrics = await revenueMetrics(app.deps.prisma, 12, new Date());
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));

    await logInBrowser(page, app.baseUrl, editor);

    await page.goto(`${app.baseUrl}/admin/pages/revenue`);
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
    const reminded = await until(
      () =>
        app.deps.prisma.adminActivityLog.findMany({
          where: { action: REMINDER_ACTION, resourceType: "invoices", resourceId: id },
        }),
      (rows) => rows.length > 0,
      10_000,
    );
    expect(reminded.map((r) => r.adminId)).toEqual([editor.id]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-revenue-reminded.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("loads the page once and stays quiet for 10 idle seconds", async () => {
    const editor = await makeAdmin(app.deps.prisma, { role: "editor" });
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, editor);
    await page.goto(`${app.baseUrl}/admin/pages/revenue`);
    const requests = await idleApiRequests(page, '[data-testid="kpi-mrr-value"]');
    expect(requests.length).toBeLessThanOrEqual(IDLE_REQUEST_LIMIT);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
