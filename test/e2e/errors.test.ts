// Errors for people (issue 13, item 9): a forbidden or missing list, record, action or page shows a 403
// or 404 page inside the AdminJS layout with a way back; Bull Board's 403 is an HTML page for a browser;
// "My account" changes the password inside the layout, in the admin's language.
import path from "node:path";
import type { Page } from "playwright-core";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { ARTIFACTS_DIR, logInBrowser, useBrowserApp } from "../helpers/browser.js";

const app = useBrowserApp();

async function errorPage(page: Page, url: string, status: 403 | 404) {
  await page.goto(`${app.baseUrl}${url}`);
  const box = page.locator(`[data-testid="error-page-${status}"]`);
  await box.waitFor({ timeout: 20_000 });
  // Inside the layout: the sidebar is still there, and the way back is a link to the dashboard.
  expect(await page.locator('[data-css="sidebar"], nav').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-testid="error-back-dashboard"]').getAttribute("href")).toBe("/admin");
  return box;
}

describe("403 and 404 pages in a browser", () => {
  it("shows a forbidden list, a forbidden action, a missing record and a missing page inside the layout", async () => {
    const narrow = await makeAdmin(app.deps.prisma, { role: "editor", permissions: ["customers.view"] });
    const customer = await makeCustomer(app.deps.prisma);
    const page = await app.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, narrow);

    const forbiddenList = await errorPage(page, "/admin/resources/invoices", 403);
    expect(await forbiddenList.textContent()).toContain("Accès refusé");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-error-403.png"), fullPage: true });

    // An action of a list the admin may open: the way back leads to that list.
    await errorPage(page, `/admin/resources/customers/records/${customer.id}/delete`, 403);
    expect(await page.locator('[data-testid="error-back-list"]').getAttribute("href")).toBe(
      "/admin/resources/customers",
    );

    const missing = await errorPage(page, "/admin/resources/customers/records/99999999/show", 404);
    expect(await missing.textContent()).toContain("Page introuvable");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-error-404.png"), fullPage: true });

    await errorPage(page, "/admin/pages/noSuchPage", 404);
    // The Queue IA page refuses an admin without ai_queue.view: a 403 page, not an error box.
    await errorPage(page, "/admin/pages/queueBoard", 403);

    // Bull Board (settings.system): an HTML 403 in the same look, for a browser.
    const board = await page.goto(`${app.baseUrl}/admin/queues`);
    expect(board?.status()).toBe(403);
    expect(board?.headers()["content-type"]).toMatch(/^text\/html/);
    expect(await page.locator('[data-testid="error-page-403"] h1').textContent()).toMatch(
      /^(Accès refusé|Access denied)$/,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("renders a record's page again when AdminJS's request for it failed on the way, instead of a false 404", async () => {
    const editor = await makeAdmin(app.deps.prisma, { role: "editor" });
    const customer = await makeCustomer(app.deps.prisma);
    const page = await app.browser.newPage({ viewport: { width: 1300, height: 900 } });
    await logInBrowser(page, app.baseUrl, editor);
    // The first request for the record is cut off, as a cancelled or dropped request would be.
    let cut = 0;
    await page.route(`**/admin/api/resources/customers/records/${customer.id}/edit`, (route) =>
      cut++ === 0 ? route.abort("failed") : route.continue(),
    );
    await page.goto(`${app.baseUrl}/admin/resources/customers/records/${customer.id}/edit`);
    await page.locator('form [name="name"]').waitFor({ timeout: 30_000 });
    expect(cut).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="error-page-404"]').count()).toBe(0);
    await page.close();
  });
});

describe("My account in a browser", () => {
  it("changes the password inside the layout, refusing a wrong current password", async () => {
    const me = await makeAdmin(app.deps.prisma, { role: "editor", password: "mon ancien mot de passe" });
    const page = await app.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, me);

    // The old address leads to the page inside the layout.
    await page.goto(`${app.baseUrl}/admin/account/password`);
    await page.waitForURL(`${app.baseUrl}/admin/pages/account`);
    await page.locator('[data-testid="account-page"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('label[for="account-current"]').textContent()).toContain("Mot de passe actuel");

    await page.fill("#account-current", "pas le bon");
    await page.fill("#account-password", "un nouveau mot de passe");
    await page.fill("#account-confirm", "un nouveau mot de passe");
    await page.click('[data-testid="account-save"]');
    await page.locator("#account-current-error", { hasText: "Mot de passe actuel incorrect" }).waitFor();
    expect(
      await app.deps.prisma.adminActivityLog.count({ where: { action: "password_change_failed", adminId: me.id } }),
    ).toBe(1);

    await page.fill("#account-current", "mon ancien mot de passe");
    await page.click('[data-testid="account-save"]');
    await page.locator('[data-testid="account-done"]').waitFor();
    expect(await page.locator('[data-testid="account-done"]').textContent()).toContain("Votre mot de passe est changé");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-account-password.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
