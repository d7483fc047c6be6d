// The back-office in each admin's language, in Chromium (issue 13, items 3 and 4): an admin who picks
// English in the top bar sees English dates, money and enum values, still after a reload; a French
// admin sees French ones.
import path from "node:path";
import type { Page } from "playwright-core";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeInvoice } from "../factories/admin-resources.js";
import { ARTIFACTS_DIR, useBrowserApp } from "../helpers/browser.js";
import { formatDate, formatMoney } from "../../src/lib/format.js";
import { translations } from "../../src/admin/index.js";

const app = useBrowserApp();

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${app.baseUrl}/admin/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL(`${app.baseUrl}/admin`), page.click("form button")]);
}

/** The invoice's record page once its figures are drawn, as text. */
async function invoicePage(page: Page, id: number, total: string): Promise<string> {
  await page.goto(`${app.baseUrl}/admin/resources/invoices/records/${id}/show`);
  await page.waitForFunction((text) => document.body.innerText.includes(text), total, { timeout: 30_000 });
  return page.locator("body").innerText();
}

describe("the back-office in the admin's language", () => {
  it("shows English dates, money and statuses to an admin who chose English, after a reload too", async () => {
    const customer = await makeCustomer(app.deps.prisma);
    const invoice = await makeInvoice(app.deps.prisma, { customerId: customer.id });
    const row = await app.deps.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const { fr, en } = translations();
    const status = (lang: typeof fr, value: string) =>
      (lang.resources as Record<string, { labels: Record<string, Record<string, string>> }>).invoices!.labels.status![
        value
      ]!;

    const english = await makeAdmin(app.deps.prisma, { name: "Emily English" });
    const page = await app.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await login(page, english.email, english.password);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");

    // The top bar's language selector: the choice is stored and the page comes back in it.
    await page.getByRole("button", { name: "Français" }).hover();
    await page.getByRole("button", { name: "Français" }).click();
    await Promise.all([page.waitForEvent("load"), page.getByText("Anglais", { exact: true }).click()]);
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect((await app.deps.prisma.adminUser.findUniqueOrThrow({ where: { id: english.id } })).language).toBe("en");

    for (const round of ["after the switch", "after a reload"]) {
      if (round === "after a reload") await page.reload();
      const moneyEn = formatMoney(row.totalAmount, "en");
      const text = await invoicePage(page, invoice.id, moneyEn);
      expect(moneyEn).toMatch(/^€\d+\.\d\d$/);
      expect(text).toContain(formatDate(row.issuedAt, "en", "timestamp"));
      expect(text).toContain(status(en, row.status));
      expect(text).not.toContain(formatMoney(row.totalAmount, "fr"));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    }
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-language-en.png"), fullPage: true });
    await page.close();

    const french = await makeAdmin(app.deps.prisma, { name: "François Français" });
    const other = await app.browser.newPage();
    other.on("pageerror", (err) => errors.push(err.message));
    await login(other, french.email, french.password);
    await other.reload();
    const moneyFr = formatMoney(row.totalAmount, "fr");
    const text = await invoicePage(other, invoice.id, moneyFr);
    expect(moneyFr).toMatch(/^\d+,\d\d\u00a0€$/);
    expect(text).toContain(formatDate(row.issuedAt, "fr", "timestamp"));
    expect(text).toContain(status(fr, row.status));
    expect(text).not.toContain(formatMoney(row.totalAmount, "en"));
    expect(await other.evaluate(() => document.documentElement.lang)).toBe("fr");
    await other.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-language-fr.png"), fullPage: true });
    await other.close();
    expect(errors).toEqual([]);
  }, 180_000);
});
