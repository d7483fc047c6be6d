// The Queue IA in a browser: take a request from the Queue IA page, then review Claude's draft in the
// Complete form and complete it.
import path from "node:path";
import { makeAdmin } from "../factories/index.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";
import { ARTIFACTS_DIR, logInBrowser, useBrowserApp } from "../helpers/browser.js";
import { IDLE_REQUEST_LIMIT, idleApiRequests } from "../helpers/idle-requests.js";

const app = useBrowserApp();

/** The request's status once it is `wanted`, or the last one seen after 10 s. */
async function statusBecomes(id: number, wanted: string): Promise<string> {
  let status = "";
  for (let i = 0; i < 50 && status !== wanted; i++) {
    status = (await app.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id } })).status;
    if (status !== wanted) await new Promise((r) => setTimeout(r, 200));
  }
  return status;
}

describe("Queue IA in a browser", () => {
  it("takes a request from the Queue IA page, then completes it from the reviewed draft", async () => {
    const editor = await makeAdmin(app.deps.prisma, { role: "editor" });
    const request = await makeQueuedRequest(app.deps.prisma, { priority: 1 });
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));

    await logInBrowser(page, app.baseUrl, editor);

    await page.goto(`${app.baseUrl}/admin/pages/queueBoard`);
    await page.click(`[data-testid="queue-take-${request.id}"]`, { timeout: 20_000 });
    expect(await statusBecomes(request.id, "processing")).toBe("processing");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-queue-board.png"), fullPage: true });

    // A draft, as the Claude job stores it, reviewed and completed in the Complete form.
    const draft = { services: [{ name: "Dépannage", description: "Intervention en moins de 2 heures." }] };
    await app.deps.prisma.aiRequest.update({ where: { id: request.id }, data: { generatedContent: draft } });
    await page.goto(`${app.baseUrl}/admin/resources/ai_requests/records/${request.id}/complete`);
    // The draft fills the form of the request type's content.
    const name = page.locator('[name="generatedContent.services.0.name"]');
    await name.waitFor({ timeout: 20_000 });
    expect(await name.inputValue()).toBe(draft.services[0]!.name);
    expect(await page.locator('[name="generatedContent.services.0.description"]').inputValue()).toBe(
      draft.services[0]!.description,
    );
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-queue-complete.png"), fullPage: true });
    await page.click('[data-testid="confirm-complete"]');
    expect(await statusBecomes(request.id, "completed")).toBe("completed");
    const billed = await app.deps.prisma.invoiceItem.findUniqueOrThrow({ where: { aiRequestId: request.id } });
    expect(billed.unitPrice.toFixed(2)).toBe("2.00");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("loads the board once and stays quiet for 10 idle seconds", async () => {
    const admin = await makeAdmin(app.deps.prisma, { role: "admin" });
    await makeQueuedRequest(app.deps.prisma, { priority: 5 });
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, admin);
    await page.goto(`${app.baseUrl}/admin/pages/queueBoard`);
    const requests = await idleApiRequests(page, '[data-testid="queue-row"]');
    const pending = await app.deps.prisma.aiRequest.count({ where: { status: "pending" } });
    expect(await page.locator('[data-testid="queue-pending"]').getAttribute("data-count")).toBe(String(pending));
    expect(requests.length).toBeLessThanOrEqual(IDLE_REQUEST_LIMIT);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
