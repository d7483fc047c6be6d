// An AI request's JSON columns in the back-office: request_data edited and generated_content completed
// through the form of the request type's schema, checked as the wizard's intake and the completion check
// them; a refused value is named by its path, next to its input, and nothing is written.
import type { Prisma } from "@prisma/client";
import request from "supertest";
import { API, USER_AGENT, makeApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { makeAdmin } from "../factories/index.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";

type Agent = Awaited<ReturnType<typeof loginAgent>>;

const page = (title: string) => ({ slug: "accueil", title, sections: [{ heading: "Bienvenue", body: "Texte." }] });

describe("AI request JSON columns in the back-office", () => {
  let t: TestApp;
  let agent: Agent;
  let adminId: number;

  beforeAll(async () => {
    t = await makeTestApp();
    const editor = await makeAdmin(t.deps.prisma, { role: "admin" });
    adminId = editor.id;
    agent = await loginAgent(t.app, editor.email, editor.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const processing = (overrides: Partial<Prisma.AiRequestUncheckedCreateInput> = {}) =>
    makeQueuedRequest(t.deps.prisma, {
      status: "processing",
      adminId,
      assignedAt: new Date(),
      startedAt: new Date(),
      ...overrides,
    });

  it("gives the edit form request_data as the JSON text its form starts from", async () => {
    const request = await makeQueuedRequest(t.deps.prisma);
    const props = await agent.get(`/admin/api/resources/ai_requests/records/${request.id}/edit`);
    expect(JSON.parse(props.body.record.params.requestData)).toEqual(request.requestData);
  });

  it("refuses an edit whose request_data breaks the request type's schema, naming the field, writing nothing", async () => {
    const { prisma } = t.deps;
    const request = await makeQueuedRequest(prisma);
    const res = await agent
      .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
      .type("form")
      .send({ requestData: JSON.stringify({ servicesWanted: 40, tone: "froid" }), priority: "2" });
    expect(res.body.notice.type).toBe("error");
    expect(res.body.record.errors).toEqual({
      "requestData.servicesWanted": {
        message: "requestData.servicesWanted$t(messages.colon) $t(messages.jsonFieldMax) 20",
      },
      "requestData.tone": { message: "requestData.tone$t(messages.colon) $t(messages.fieldInvalidChoice)" },
    });
    const stored = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.requestData).toEqual(request.requestData);
    expect(stored.priority).toBe(request.priority);
    expect(
      await prisma.adminActivityLog.count({ where: { resourceType: "ai_requests", resourceId: request.id } }),
    ).toBe(0);
  });

  it("refuses a Complete whose generated content breaks the schema, naming the field path, writing nothing", async () => {
    const { prisma } = t.deps;
    const request = await processing({ requestType: "content", requestData: { pages: ["accueil"] } });
    const content = { pages: [page("Accueil"), page("Services"), page("")] };
    const res = await agent
      .post(`/admin/api/resources/ai_requests/records/${request.id}/complete`)
      .type("json")
      .send({ generatedContent: JSON.stringify(content), actualCost: "", adminNotes: "" });
    expect(res.body.notice.type).toBe("error");
    expect(res.body.notice.message).toBe(
      "$t(resources.ai_requests.properties.generatedContent) — generatedContent.pages[2].title$t(messages.colon) $t(messages.fieldRequired)",
    );
    expect(res.body.record.errors).toEqual({
      "generatedContent.pages.2.title": {
        message: "generatedContent.pages[2].title$t(messages.colon) $t(messages.fieldRequired)",
      },
    });
    const stored = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({
      status: "processing",
      generatedContent: null,
      completedAt: null,
      billingStatus: request.billingStatus,
    });
    expect(await prisma.invoiceItem.count({ where: { aiRequestId: request.id } })).toBe(0);
  });

  it("completes a request with content the form sends, and a cost typed with a decimal comma", async () => {
    const { prisma } = t.deps;
    const request = await processing({ requestType: "content", requestData: { pages: ["accueil"] } });
    const content = { pages: [page("Accueil")] };
    const res = await agent
      .post(`/admin/api/resources/ai_requests/records/${request.id}/complete`)
      .type("json")
      .send({ generatedContent: JSON.stringify(content), actualCost: "2,50", adminNotes: "" });
    expect(res.body.notice).toEqual({ message: "completeDone", type: "success" });
    const stored = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.status).toBe("completed");
    expect(stored.generatedContent).toEqual(content);
    expect(stored.actualCost?.toFixed(2)).toBe("2.50");
  });

  it("keeps generated_content out of the generic edit: the workflow owns it", async () => {
    const { prisma } = t.deps;
    const request = await processing();
    const res = await agent
      .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
      .type("form")
      .send({ generatedContent: JSON.stringify({ services: [{ name: "x", description: "y" }] }) });
    expect(res.body.record.errors.generatedContent.message).toContain("fieldWorkflow");
    expect((await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).generatedContent).toBeNull();
  });

  it("refuses the same request_data through REST, by field, writing nothing; stores a valid one as the schema reads it", async () => {
    const { prisma } = t.deps;
    const row = await makeQueuedRequest(prisma);
    const login = await makeApiLogin(t.app, prisma, { role: "admin" });
    const patch = (body: object) =>
      request(t.app)
        .patch(`${API}/ai-queue/ai_requests/${row.id}`)
        .set("Authorization", login.auth)
        .set("User-Agent", USER_AGENT)
        .send(body);
    const refused = await patch({ requestData: { servicesWanted: 40 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: "request_data.servicesWanted", message: expect.any(String) }]);
    expect((await prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } })).requestData).toEqual(row.requestData);

    const ok = await patch({ requestData: { servicesWanted: 5 } });
    expect(ok.status).toBe(200);
    expect((await prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } })).requestData).toEqual({
      servicesWanted: 5,
      existingServices: [],
      tone: "professionnel",
    });
  });
});
