// The real login form in Chromium, up to the dashboard.
import path from "node:path";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { ARTIFACTS_DIR, useBrowserApp } from "../helpers/browser.js";

const app = useBrowserApp();

describe("admin login in a browser", () => {
  it("logs in through the form and shows the dashboard", async () => {
    const admin = await makeAdmin(app.deps.prisma, { role: "viewer", name: "Valérie Browser" });
    await makeCustomer(app.deps.prisma, { status: "active" });
    const page = await app.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    // The CSP (per-response script nonce) must let AdminJS's pages run with nothing blocked.
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
    });

    await page.goto(`${app.baseUrl}/admin`);
    expect(page.url()).toBe(`${app.baseUrl}/admin/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await Promise.all([page.waitForURL(`${app.baseUrl}/admin`), page.click("form button")]);

    await page.waitForSelector('[data-testid="dashboard"] [data-testid="kpi-card"]', { timeout: 20_000 });
    expect(await page.locator('[data-testid="kpi-card"]').count()).toBe(4);
    await expect(page.locator("body").innerText()).resolves.toContain("Locod-AI Admin");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-dashboard.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  }, 60_000);

  it("shows the same message for a wrong password and stays on the form", async () => {
    const admin = await makeAdmin(app.deps.prisma);
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}/admin/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', "wrong password");
    await page.click("form button");
    await page.waitForSelector("text=E-mail ou mot de passe incorrect", { timeout: 10_000 });
    expect(page.url()).toBe(`${app.baseUrl}/admin/login`);
    await page.close();
  }, 30_000);
});
