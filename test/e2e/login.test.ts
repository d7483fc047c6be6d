// The real login form in Chromium, up to the dashboard.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { ARTIFACTS_DIR, launchBrowser } from "../helpers/browser.js";
import { guarded } from "../helpers/response-guard.js";

let deps: Deps;
let server: Server;
let browser: Browser;
let baseUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

beforeAll(async () => {
  // The browser's origin must be the portal's public URL, which it only accepts form posts from.
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  deps = createDeps(loadConfig({ ...process.env, PUBLIC_BASE_URL: baseUrl }));
  // The real bundle of components/, as a browser gets it.
  const app = guarded(await createApp(deps, { bundle: true }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, "127.0.0.1", () => resolve(s));
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await closeDeps(deps);
});

describe("admin login in a browser", () => {
  it("logs in through the form and shows the dashboard", async () => {
    const admin = await makeAdmin(deps.prisma, { role: "viewer", name: "Valérie Browser" });
    await makeCustomer(deps.prisma, { status: "active" });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));

    await page.goto(`${baseUrl}/admin`);
    expect(page.url()).toBe(`${baseUrl}/admin/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await Promise.all([page.waitForURL(`${baseUrl}/admin`), page.click("form button")]);

    await page.waitForSelector('[data-testid="dashboard"] [data-testid="kpi-card"]', { timeout: 20_000 });
    expect(await page.locator('[data-testid="kpi-card"]').count()).toBe(4);
    await expect(page.locator("body").innerText()).resolves.toContain("Locod-AI Admin");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-dashboard.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("shows the same message for a wrong password and stays on the form", async () => {
    const admin = await makeAdmin(deps.prisma);
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/admin/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', "wrong password");
    await page.click("form button");
    await page.waitForSelector("text=E-mail ou mot de passe incorrect", { timeout: 10_000 });
    expect(page.url()).toBe(`${baseUrl}/admin/login`);
    await page.close();
  }, 30_000);
});
