// The Complete form of an AI request in a browser: the generated content typed into the form of the
// request type's schema (rows added, a choice of the list), an invalid field shown next to its input,
// then the request completed; the show page reads the content as a definition list.
import path from "node:path";
import type { Page } from "playwright-core";
import { makeAdmin } from "../factories/index.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";
import { ARTIFACTS_DIR, logInBrowser, useBrowserApp } from "../helpers/browser.js";

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

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

describe("the Complete form of an AI request", () => {
  it("fills the generated form, shows an invalid field's error next to it, then completes the request", async () => {
    const editor = await makeAdmin(app.deps.prisma, { role: "editor" });
    const request = await makeQueuedRequest(app.deps.prisma, {
      status: "processing",
      adminId: editor.id,
      assignedAt: new Date(),
      startedAt: new Date(),
    });
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, editor);

    await page.goto(`${app.baseUrl}/admin/resources/ai_requests/records/${request.id}/complete`);
    // No draft yet: the form starts from the template, one service row to fill.
    const name0 = field(page, "generatedContent.services.0.name");
    await name0.waitFor({ timeout: 20_000 });
    await name0.fill("Débouchage");
    await field(page, "generatedContent.services.0.description").fill("Débouchage de canalisations, en urgence.");
    await page.click('[data-testid="generatedContent.services-add"]');
    await field(page, "generatedContent.services.1.name").fill("Chauffe-eau");
    // The second row's description left empty: refused, the error next to its input, nothing written.
    await page.click('[data-testid="confirm-complete"]');
    const error = page.locator('[id="generatedContent.services.1.description-error"]');
    await error.filter({ hasText: "generatedContent.services[1].description" }).waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toMatch(/generatedContent\.services\[1\]\.description ?: (Obligatoire|Required)/);
    expect((await app.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      "processing",
    );
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-json-form-error.png"), fullPage: true });

    await field(page, "generatedContent.services.1.description").fill("Installation et entretien.");
    await page.fill("#actualCost", "2,50");
    await page.click('[data-testid="confirm-complete"]');
    expect(await statusBecomes(request.id, "completed")).toBe("completed");
    const stored = await app.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.generatedContent).toEqual({
      services: [
        { name: "Débouchage", description: "Débouchage de canalisations, en urgence." },
        { name: "Chauffe-eau", description: "Installation et entretien." },
      ],
    });
    expect(stored.actualCost?.toFixed(2)).toBe("2.50");

    // The show page reads the content as a definition list, not a JSON blob.
    await page.goto(`${app.baseUrl}/admin/resources/ai_requests/records/${request.id}/show`);
    const list = page.locator("dl").filter({ hasText: "Chauffe-eau" });
    await list.first().waitFor({ timeout: 20_000 });
    expect(await page.locator("pre").filter({ hasText: '"services"' }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "e2e-json-form-show.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("edits request_data through its form, refusing a value out of the schema next to its input", async () => {
    const editor = await makeAdmin(app.deps.prisma, { role: "editor" });
    const request = await makeQueuedRequest(app.deps.prisma);
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await logInBrowser(page, app.baseUrl, editor);

    await page.goto(`${app.baseUrl}/admin/resources/ai_requests/records/${request.id}/edit`);
    const wanted = field(page, "requestData.servicesWanted");
    await wanted.waitFor({ timeout: 20_000 });
    expect(await wanted.inputValue()).toBe("3");
    await wanted.fill("40");
    await page.locator("form button[type=submit]").click();
    const error = page.locator('[id="requestData.servicesWanted-error"]');
    await error.filter({ hasText: "requestData.servicesWanted" }).waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toMatch(/requestData\.servicesWanted ?: Maximum ?: 20/);
    expect((await app.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).requestData).toEqual(
      request.requestData,
    );

    await field(page, "requestData.servicesWanted").fill("4");
    await field(page, "requestData.tone").selectOption("chaleureux");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/admin\/resources\/ai_requests(\?|$)/, { timeout: 20_000 });
    expect((await app.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).requestData).toEqual({
      servicesWanted: 4,
      existingServices: [],
      tone: "chaleureux",
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
