// Record pages in a browser, on the demo data: what belongs to a customer and to an invoice, titles
// where ids were, status badges coloured by meaning, and a viewer's list whose admin filter asks
// nothing the viewer may not search.
import path from "node:path";
import type { Page } from "playwright-core";
import { TONE_COLOURS } from "../../src/lib/status-tone.js";
import { makeAdmin } from "../factories/index.js";
import { ARTIFACTS_DIR, logInBrowser, useBrowserApp } from "../helpers/browser.js";

const app = useBrowserApp({ demo: true });

/** A page that records what went wrong: errors thrown, console errors, refused requests. */
async function watchedPage(): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => requests.push(request.url()));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return { page, problems, requests };
}

/** "rgb(r, g, b)" of a #rrggbb colour, as getComputedStyle writes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe("record pages in a browser", () => {
  it("shows a customer's and an invoice's related records, titles instead of ids and coloured badges", async () => {
    const viewer = await makeAdmin(app.deps.prisma, { role: "viewer" });
    const customer = await app.deps.prisma.customer.findFirstOrThrow({
      where: { sites: { some: {} }, invoices: { some: { status: "paid" } } },
      orderBy: { id: "asc" },
    });
    const invoice = await app.deps.prisma.invoice.findFirstOrThrow({
      where: { customerId: customer.id, status: "paid" },
      include: { items: true },
    });
    const { page, problems } = await watchedPage();
    await logInBrowser(page, app.baseUrl, viewer);

    await page.goto(`${app.baseUrl}/admin/resources/customers/records/${customer.id}/show`);
    await page.locator('[data-testid="related-records"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="record-heading"]').innerText()).toContain(customer.name);
    for (const table of ["sites", "customer_subscriptions", "invoices", "ai_requests"]) {
      await page.locator(`[data-testid="related-${table}"]`).waitFor();
    }
    const sites = page.locator('[data-testid="related-sites"] [data-testid="related-row"]');
    expect(await sites.count()).toBeGreaterThan(0);
    const invoices = page.locator('[data-testid="related-invoices"]');
    expect(await invoices.innerText()).toContain(invoice.invoiceNumber);
    // A paid invoice's badge is green, and its text readable on it.
    const paid = invoices.locator('.locod-status-badge[data-tone="success"]').first();
    await paid.waitFor();
    const colours = await paid.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colours).toEqual({
      color: rgb(TONE_COLOURS.success.text),
      background: rgb(TONE_COLOURS.success.background),
    });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-records-customer.png"), fullPage: true });

    // The invoice's own page: its lines, its customer by name.
    await invoices.locator(`a:has-text("${invoice.invoiceNumber}")`).first().click();
    await page.waitForURL(`${app.baseUrl}/admin/resources/invoices/records/${invoice.id}/show`);
    const lines = page.locator('[data-testid="related-invoice_items"]');
    await lines.waitFor({ timeout: 30_000 });
    expect(await lines.locator('[data-testid="related-row"]').count()).toBe(Math.min(invoice.items.length, 10));
    expect(await lines.innerText()).toContain(invoice.items[0]!.description);
    for (const table of ["refunds", "billing_alerts", "email_log"]) {
      await page.locator(`[data-testid="related-${table}"]`).waitFor();
    }
    expect(await page.locator('[data-testid="record-heading"]').innerText()).toContain(invoice.invoiceNumber);
    const customerLink = page.locator(`a[href$="/admin/resources/customers/records/${customer.id}/show"]`).first();
    expect((await customerLink.innerText()).trim()).toBe(customer.name);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-records-invoice.png"), fullPage: true });
    // The page scrolls inside AdminJS's layout: the related lists get a picture of their own.
    await page
      .locator('[data-testid="related-records"]')
      .screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-records-invoice-related.png") });

    // The MRR history names customers, not "Client (ID) 200".
    await page.goto(`${app.baseUrl}/admin/resources/subscription_history`);
    const cell = page.locator('[data-css="subscription_history-customerId-table-cell"]').first();
    await cell.locator("a").waitFor({ timeout: 30_000 });
    expect((await cell.innerText()).trim()).not.toMatch(/^\d+$/);

    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("lets a viewer filter a list by admin without a search the viewer may not use", async () => {
    const viewer = await makeAdmin(app.deps.prisma, { role: "viewer" });
    const { page, problems, requests } = await watchedPage();
    await logInBrowser(page, app.baseUrl, viewer);

    await page.goto(`${app.baseUrl}/admin/resources/ai_requests`);
    await page.locator('[data-css="ai_requests-table-row"]').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-css="ai_requests-filter-button"]').click();
    const field = page.locator('input[name="filter-admin"]');
    await field.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-records-viewer-filter.png"), fullPage: true });

    expect(requests.filter((url) => url.includes("/resources/admin_users/"))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
