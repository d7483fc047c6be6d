// The Queue IA in a browser: take a request from the Queue IA page, then review Claude's draft in the
// Complete form and complete it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import { makeAdmin } from "../factories/index.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";
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
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  deps = createDeps(loadConfig({ ...process.env, PUBLIC_BASE_URL: baseUrl }));
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

/** The request's status once it is `wanted`, or the last one seen after 10 s. */
async function statusBecomes(id: number, wanted: string): Promise<string> {
  let status = "";
  for (let i = 0; i < 50 && status !== wanted; i++) {
    status = (await deps.prisma.aiRequest.findUniqueOrThrow({ where: { id } })).status;
    if (status !== wanted) await new Promise((r) => setTimeout(r, 200));
  }
  return status;
}

describe("Queue IA in a browser", () => {
  it("takes a request from the Queue IA page, then completes it from the reviewed draft", async () => {
    const editor = await makeAdmin(deps.prisma, { role: "editor" });
    const request = await makeQueuedRequest(deps.prisma, { priority: 1 });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));

    await page.goto(`${baseUrl}/admin/login`);
    await page.fill('input[name="email"]', editor.email);
    await page.fill('input[name="password"]', editor.password);
    await Promise.all([page.waitForURL(`${baseUrl}/admin`), page.click("form button")]);

    await page.goto(`${baseUrl}/admin/pages/queueBoard`);
    await page.click(`[data-testid="queue-take-${request.id}"]`, { timeout: 20_000 });
    expect(await statusBecomes(request.id, "processing")).toBe("processing");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-queue-board.png"), fullPage: true });

    // A draft, as the Claude job stores it, reviewed and completed in the Complete form.
    const draft = { services: [{ name: "Dépannage", description: "Intervention en moins de 2 heures." }] };
    await deps.prisma.aiRequest.update({ where: { id: request.id }, data: { generatedContent: draft } });
    await page.goto(`${baseUrl}/admin/resources/ai_requests/records/${request.id}/complete`);
    const textarea = page.locator("textarea").first();
    await textarea.waitFor({ timeout: 20_000 });
    expect(JSON.parse(await textarea.inputValue())).toEqual(draft);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-queue-complete.png"), fullPage: true });
    await page.click('[data-testid="confirm-complete"]');
    expect(await statusBecomes(request.id, "completed")).toBe("completed");
    const billed = await deps.prisma.invoiceItem.findUniqueOrThrow({ where: { aiRequestId: request.id } });
    expect(billed.unitPrice.toFixed(2)).toBe("2.00");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
