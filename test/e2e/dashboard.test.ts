// The dashboard in a browser, on the demo data: the KPI cards, the trend chart (a Chart.js canvas with
// the snapshots' points) and its 7/30/90-day switch, the alerts and the overdue reminders quick action.
import path from "node:path";
import type { Page } from "playwright-core";
import { DEMO_ADMINS } from "../../prisma/seed.js";
import { dashboard } from "../../src/modules/dashboard/service.js";
import { ARTIFACTS_DIR, euroFr, logInBrowser, useBrowserApp } from "../helpers/browser.js";
import { IDLE_REQUEST_LIMIT, idleApiRequests } from "../helpers/idle-requests.js";

const app = useBrowserApp({ demo: true });

/** How many pixels of the chart's canvas are painted, and a digest of them (to see the chart change). */
function canvasInk(page: Page) {
  return page.locator('[data-testid="trend-chart"] canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    let digest = 0;
    for (let i = 3; i < data.length; i += 4) {
      if (data[i]! > 0) {
        painted++;
        digest = (digest * 31 + i + data[i - 1]!) % 1_000_000_007;
      }
    }
    return { painted, digest };
  });
}

describe("the dashboard in a browser", () => {
  it("shows the KPI cards, a chart of the snapshots that the period switch changes, and the alerts", async () => {
    const login = DEMO_ADMINS.find((a) => a.role === "super_admin")!;
    const expected = await dashboard(app.deps, { days: "30", viewer: { role: "super_admin" } });
    const page = await app.browser.newPage({ viewport: { width: 1500, height: 1100 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));

    await logInBrowser(page, app.baseUrl, login);

    const chart = page.locator('[data-testid="trend-chart"]');
    await chart.locator("canvas").waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="kpi-card"]').count()).toBe(4);
    expect(await page.locator('[data-testid="kpi-mrr-value"]').textContent()).toBe(euroFr(expected.kpis.mrr!.value!));
    expect(await page.locator('[data-testid="kpi-new-customers-value"]').textContent()).toBe(
      String(expected.kpis.newCustomers.value),
    );
    expect(await page.locator('[data-testid="kpi-mrr-change"]').textContent()).toMatch(/^[▲▼→] /);
    // 30 daily points of MRR, every one from a demo snapshot.
    expect(await chart.getAttribute("data-series")).toBe("mrr");
    expect(await chart.getAttribute("data-points")).toBe("30");
    expect(await chart.getAttribute("data-plotted")).toBe("30");
    const month = await canvasInk(page);
    expect(month.painted).toBeGreaterThan(2_000);
    for (const alert of expected.alerts) {
      expect(await page.locator(`[data-testid="alert-${alert.kind}-count"]`).textContent()).toBe(
        new Intl.NumberFormat("fr-FR").format(alert.count),
      );
    }
    expect(expected.alerts.map((a) => a.kind)).toContain("sites_down");
    // The pending AI requests: the count of the list filtered on pending, with a link to it.
    const pending = page.locator('[data-testid="dashboard-ai-pending"]');
    expect(await pending.getAttribute("data-count")).toBe(String(expected.aiQueue.pending));
    expect(await pending.getAttribute("href")).toBe("/admin/resources/ai_requests?filters.status=pending");
    // The chart's text alternative: a summary on the canvas and a table of every day.
    expect(await chart.locator("canvas").getAttribute("aria-label")).toMatch(/^MRR : .+ → .+€$/);
    expect(await page.locator('[data-testid="trend-table"] tbody tr').count()).toBe(30);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-dashboard-30-days.png"), fullPage: true });

    await page.click('[data-testid="period-7"]');
    await page.locator('[data-testid="trend-chart"][data-points="7"]').waitFor({ timeout: 10_000 });
    const week = await canvasInk(page);
    expect(week.painted).toBeGreaterThan(2_000);
    expect(week.digest).not.toBe(month.digest);
    await page.click('[data-testid="series-activeCustomers"]');
    await page.locator('[data-testid="trend-chart"][data-series="activeCustomers"]').waitFor({ timeout: 10_000 });
    expect(await chart.getAttribute("data-plotted")).toBe("7");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-dashboard-7-days.png"), fullPage: true });

    // The quick action: confirm, then the reminders go and the page says how many.
    const overdue = expected.invoices.overdue;
    expect(overdue).toBeGreaterThan(0);
    await page.click('[data-testid="quick-remind-start"]');
    await page.click('[data-testid="quick-remind-confirm"]');
    const result = page.locator('[data-testid="quick-remind-result"]');
    await result.waitFor({ timeout: 20_000 });
    // Counts with their plural in French: 0 and 1 take the singular.
    const sent = overdue === 1 ? "relance envoyée" : "relances envoyées";
    expect(await result.textContent()).toMatch(new RegExp(`^${overdue} ${sent}, 0 ignorée \\(`));
    // The support inbox: the support tickets' list.
    expect(await page.locator('[data-testid="quick-open_support"]').getAttribute("href")).toBe(
      "/admin/resources/support_tickets",
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe("the dashboard left open", () => {
  it("loads its data once and stays quiet for 10 idle seconds", async () => {
    const login = DEMO_ADMINS.find((a) => a.role === "super_admin")!;
    const page = await app.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, login);
    const requests = await idleApiRequests(page, '[data-testid="kpi-card"]');
    expect(requests.length).toBeLessThanOrEqual(IDLE_REQUEST_LIMIT);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe("the range exports in a browser", () => {
  it("opens the accounting and metrics export forms on their ranges, with links to the downloads", async () => {
    const login = DEMO_ADMINS.find((a) => a.role === "admin")!;
    const page = await app.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, login);

    await page.goto(`${app.baseUrl}/admin/resources/invoices/actions/accountingExport`);
    const invoices = page.locator('[data-testid="billing-export-invoices"]');
    await invoices.waitFor({ timeout: 20_000 });
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
    expect(await invoices.getAttribute("href")).toBe(`/admin/billing/export/invoices.csv?from=${from}&to=${to}`);
    expect(await page.locator('[data-testid="billing-export-items"]').getAttribute("href")).toBe(
      `/admin/billing/export/items.csv?from=${from}&to=${to}`,
    );
    // A reversed range offers no download.
    await page.fill("#range-export-from", to);
    await page.fill("#range-export-to", from);
    expect(await page.locator('[data-testid="billing-export-invoices"]').count()).toBe(0);
    // The file itself comes through the page's session.
    const csv = await page.request.get(`${app.baseUrl}/admin/billing/export/invoices.csv?from=${from}&to=${to}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n")[0]).toContain("invoice_number");

    await page.goto(`${app.baseUrl}/admin/resources/business_metrics/actions/exportCsv`);
    const metrics = page.locator('[data-testid="metrics-export-download"]');
    await metrics.waitFor({ timeout: 20_000 });
    expect(await metrics.getAttribute("href")).toMatch(
      /^\/admin\/analytics\/business_metrics\/export\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe("an action form in a browser", () => {
  it("refunds part of a paid invoice from its Refund form, and shows a refused amount on the form", async () => {
    const login = DEMO_ADMINS.find((a) => a.role === "admin")!;
    const invoice = await app.deps.prisma.invoice.findFirstOrThrow({
      where: { status: "paid", amountRefunded: 0, stripePaymentIntentId: null },
      orderBy: { id: "asc" },
    });
    const page = await app.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, login);
    await page.goto(`${app.baseUrl}/admin/resources/invoices/records/${invoice.id}/refund`);
    await page.locator('[data-testid="refund-amount"]').waitFor({ timeout: 20_000 });

    const over = invoice.totalAmount.add(1).toFixed(2);
    await page.fill('[data-testid="refund-amount"]', over);
    await page.fill('[data-testid="refund-reason"]', "Geste commercial");
    await page.click('[data-testid="confirm-refund"]');
    await page.locator("text=can be refunded").first().waitFor({ timeout: 20_000 });
    expect(await app.deps.prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);

    await page.fill('[data-testid="refund-amount"]', "1.00");
    await page.click('[data-testid="confirm-refund"]');
    await page.waitForURL(new RegExp(`/admin/resources/invoices/records/${invoice.id}/show`), { timeout: 20_000 });
    const refunds = await app.deps.prisma.refund.findMany({ where: { invoiceId: invoice.id } });
    expect(refunds.map((r) => [r.amount.toFixed(2), r.reason, r.status])).toEqual([
      ["1.00", "Geste commercial", "succeeded"],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
