// A site's "Backups" page in a browser: the versions, "back up now", the diff of two versions and a
// restore confirmed first (components/sites/SiteBackups.tsx, modules/sites/backups).
import path from "node:path";
import type { Browser } from "playwright-core";
import type { Deps } from "../../src/deps.js";
import { makeAdmin } from "../factories/index.js";
import { makeSite } from "../factories/admin-resources.js";
import { until } from "../helpers/wait.js";
import { ARTIFACTS_DIR, BROWSER_SETUP_MS, logInBrowser, startBrowserApp } from "../helpers/browser.js";

let env: Awaited<ReturnType<typeof startBrowserApp>>;
let deps: Deps;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  env = await startBrowserApp();
  ({ deps, browser, baseUrl } = env);
}, BROWSER_SETUP_MS);

afterAll(() => env?.close());

describe("a site's Backups page in a browser", () => {
  it("backs up, compares two versions and restores one after a confirmation", async () => {
    const editor = await makeAdmin(deps.prisma, { role: "editor" });
    const site = await makeSite(deps.prisma, { name: "Plomberie Dupont" });
    await deps.prisma.siteConfig.createMany({
      data: [
        { siteId: site.id, version: 1, configData: { business: { city: "Lyon" }, pages: ["accueil", "devis"] } },
        { siteId: site.id, version: 2, configData: { business: { city: "Villeurbanne" }, pages: ["accueil"] } },
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, baseUrl, editor);

    await page.goto(`${baseUrl}/admin/resources/sites/records/${site.id}/backups`);
    await page.locator('[data-testid="backup-row-2"]').waitFor({ timeout: 30_000 });

    await page.fill('[data-testid="backup-note"]', "avant refonte");
    await page.click('[data-testid="backup-now"]');
    await page.locator('[data-testid="backup-row-3"]').waitFor({ timeout: 20_000 });

    await page.locator("#pick-1").check();
    await page.locator("#pick-2").check();
    await page.click('[data-testid="backup-compare"]');
    const diff = page.locator('[data-testid="backup-diff"]');
    await diff.waitFor({ timeout: 20_000 });
    expect(await diff.textContent()).toContain("business.city");
    expect(await diff.textContent()).toContain("pages[1]");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-site-backups-diff.png"), fullPage: true });

    await page.click('[data-testid="backup-restore-1"]');
    await page.click('[data-testid="backup-restore-confirm"]');
    await page.locator('[data-testid="backup-row-4"]').waitFor({ timeout: 20_000 });
    const rows = await until(
      () => deps.prisma.siteConfig.findMany({ where: { siteId: site.id }, orderBy: { version: "asc" } }),
      (r) => r.length === 4,
    );
    expect(rows.map((r) => [r.version, r.kind])).toEqual([
      [1, "edit"],
      [2, "edit"],
      [3, "manual"],
      [4, "restore"],
    ]);
    expect(rows[3]!.configData).toEqual(rows[0]!.configData);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-site-backups.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
