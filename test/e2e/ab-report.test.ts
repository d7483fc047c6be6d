// An A/B test's Report in a browser: the variants side by side, the lift with its 95% interval, the
// p-value and the sample ratio mismatch banner; then "declare winner" refused while guards hold and
// accepted with an override reason (components/templates/AbReport.tsx, modules/templates/ab).
import path from "node:path";
import type { Browser } from "playwright-core";
import type { Deps } from "../../src/deps.js";
import { makeAdmin } from "../factories/index.js";
import { addVisitors, makeAbTest } from "../factories/ab-tests.js";
import { rollUpAbTest } from "../../src/modules/templates/ab/rollup.js";
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

describe("an A/B test's Report in a browser", () => {
  it("shows the lift, its interval and the SRM banner, and declares a winner over the guards with a reason", async () => {
    const editor = await makeAdmin(deps.prisma, { role: "editor" });
    const { test, templateB, versionB } = await makeAbTest(deps.prisma, {
      status: "running",
      startedAt: new Date(Date.now() - 7 * 86_400_000),
      trafficSplit: 50,
    });
    // 1,800 vs 2,200 visitors on a 50/50 split (a mismatch); 10% vs 15% conversions.
    await addVisitors(deps.pool, test.id, "A", 1_800, 180);
    await addVisitors(deps.pool, test.id, "B", 2_200, 330);
    await rollUpAbTest(deps.prisma, test.id);

    const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, baseUrl, editor);
    await page.goto(`${baseUrl}/admin/resources/template_ab_tests/records/${test.id}/report`);
    await page.locator('[data-testid="ab-lift"]').waitFor({ timeout: 30_000 });

    // Relative lift (0.15 / 0.10 - 1 = +50%) and its interval; the SRM banner.
    expect(await page.locator('[data-testid="ab-relative-lift"]').textContent()).toMatch(/\+50[.,]00/);
    expect(await page.locator('[data-testid="ab-relative-interval"]').textContent()).toMatch(
      /\[\+\d+[.,]\d\d.*;.*\+\d+[.,]\d\d.*\]/,
    );
    expect(await page.locator('[data-testid="ab-absolute-interval"]').textContent()).toMatch(/\[/);
    expect(await page.locator('[data-testid="ab-p-value"]').textContent()).toMatch(/< 0[.,]0001|0[.,]\d{4}/);
    const banner = page.locator('[data-testid="ab-srm-banner"]');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/SRM/);
    await page.locator('[data-testid="ab-guard-sample_ratio_mismatch"]').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-ab-report.png"), fullPage: true });

    // Without a reason: refused, nothing written.
    await page.click('[data-testid="ab-declare-submit"]');
    await page.locator("text=overrideReason").first().waitFor({ timeout: 20_000 });
    expect((await deps.prisma.templateAbTest.findUniqueOrThrow({ where: { id: test.id } })).winner).toBeNull();

    await page.fill(
      '[data-testid="ab-override-reason"]',
      "Tracking fault found on A's pages; B wins on every page we checked",
    );
    await page.click('[data-testid="ab-declare-submit"]');
    const done = await until(
      () => deps.prisma.templateAbTest.findUniqueOrThrow({ where: { id: test.id } }),
      (t) => t.winner !== null,
    );
    expect(done).toMatchObject({ winner: "B", status: "completed" });
    const active = await deps.prisma.templateVersion.findMany({ where: { templateId: templateB.id, isActive: true } });
    expect(active.map((v) => v.id)).toEqual([versionB.id]);
    await page.locator('[data-testid="ab-winner"]').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
