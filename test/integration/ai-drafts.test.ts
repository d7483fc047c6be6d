// Claude drafts end to end: the AdminJS action queues a job, a worker calls a local stand-in for the
// Anthropic Messages API through the real SDK, and the draft, its usage and cost are stored; plus the
// Claude Code export (brief download) and import (validated JSON).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { actingAs, makeAdmin } from "../factories/index.js";
import { makeAiRequest } from "../factories/admin-resources.js";
import { startWorkers, type Workers } from "../../src/queues/registry.js";
import { requestDraft, CLAUDE_NOT_CONFIGURED } from "../../src/modules/ai-queue/drafts.js";
import { importResult } from "../../src/modules/ai-queue/brief.js";
import { AppError } from "../../src/lib/errors.js";

interface Scripted {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const draft = {
  services: [
    { name: "Pain au levain", description: "Cuit chaque matin au feu de bois." },
    { name: "Viennoiseries", description: "Croissants pur beurre." },
  ],
};

function message(text: string, usage = { input_tokens: 1_000, output_tokens: 500 }): Scripted {
  return {
    status: 200,
    body: {
      id: "msg_test",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-6",
      content: [{ type: "text", text }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { ...usage, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    },
  };
}

const rateLimited: Scripted = {
  status: 429,
  body: {
    type: "error",
    error: { type: "rate_limit_error", message: "Number of requests has exceeded your rate limit" },
  },
  headers: { "retry-after-ms": "10" },
};

// The stand-in for api.anthropic.com: answers POST /v1/messages from a script, records what it got.
let script: Scripted[] = [];
const received: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.method !== "POST" || req.url !== "/v1/messages") {
      res.writeHead(404, { "content-type": "application/json" }).end("{}");
      return;
    }
    received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
    const next = script.shift() ?? {
      status: 500,
      body: { type: "error", error: { type: "api_error", message: "script exhausted" } },
      headers: { "x-should-retry": "false" },
    };
    res
      .writeHead(next.status, { "content-type": "application/json", "request-id": "req_test", ...next.headers })
      .end(JSON.stringify(next.body));
  });
});

let t: TestApp;
let workers: Workers;
let admin: Awaited<ReturnType<typeof makeAdmin>>;
/** Runs a service call as `admin`, as its AdminJS action does. */
const asAdmin = <T>(fn: () => Promise<T>) =>
  actingAs({ id: admin.id, email: admin.email, name: admin.name, role: admin.role }, fn);
let agent: Awaited<ReturnType<typeof loginAgent>>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  t = await makeTestApp({ ANTHROPIC_API_KEY: "test", ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}` });
  const { config, prisma, log } = t.deps;
  workers = startWorkers({ prisma, log, config, queues: t.deps.queues });
  admin = await makeAdmin(t.deps.prisma, { role: "admin" });
  agent = await loginAgent(t.app, admin.email, admin.password);
});

afterAll(async () => {
  await workers?.close();
  await t?.close();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  script = [];
  received.length = 0;
});

const processing = () =>
  makeAiRequest(t.deps.prisma, {
    status: "processing",
    adminId: admin.id,
    businessType: "boulangerie",
    terminology: "fournil",
    requestData: { servicesWanted: 2, tone: "chaleureux" },
  });

/** The generation once the job is done with it. */
async function settled(generationId: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const row = await t.deps.prisma.aiGeneration.findUniqueOrThrow({ where: { id: generationId } });
    if (row.status === "succeeded" || row.status === "failed") return row;
    if (Date.now() > deadline) throw new Error(`generation ${generationId} still ${row.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const deps = () => ({ prisma: t.deps.prisma, queues: t.deps.queues, config: t.deps.config });

describe("Generate draft", () => {
  it("through the AdminJS action: calls Claude, stores the draft, usage and cost; the request stays processing", async () => {
    const request = await processing();
    script = [message("```json\n" + JSON.stringify(draft) + "\n```")];
    const res = await agent.post(`/admin/api/resources/ai_requests/records/${request.id}/generateDraft`).send({});
    expect(res.status).toBe(200);
    expect(res.body.notice).toEqual({ message: "generateDraftQueued", type: "success" });

    const queued = await t.deps.prisma.aiGeneration.findFirstOrThrow({ where: { aiRequestId: request.id } });
    expect(queued.adminId).toBe(admin.id);
    expect(queued.model).toBe("claude-sonnet-4-6");
    const generation = await settled(queued.id);
    expect(generation).toMatchObject({ status: "succeeded", inputTokens: 1_000, outputTokens: 500, attempts: 1 });
    // claude-sonnet-4-6 (claude-sonnet-4 prices) list price: $3 in, $15 out per million tokens.
    expect(generation.cost?.toString()).toBe("0.0105");
    expect(generation.finishedAt).toBeInstanceOf(Date);

    const after = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.generatedContent).toEqual(draft);
    expect(after.status).toBe("processing");
    const audit = await t.deps.prisma.adminActivityLog.findFirst({
      where: { resourceType: "ai_requests", resourceId: request.id, action: "draft" },
    });
    expect(audit?.adminId).toBe(admin.id);

    // What Claude was sent: the API key, the configured model, the prompt built from the request.
    expect(received).toHaveLength(1);
    // The key travels as X-Api-Key or, in recent SDK versions, as a bearer token.
    const { authorization, "x-api-key": apiKey } = received[0]!.headers;
    expect(apiKey ?? authorization).toMatch(/^(Bearer )?test$/);
    expect(received[0]!.body.model).toBe("claude-sonnet-4-6");
    const prompt = JSON.stringify(received[0]!.body.messages);
    expect(prompt).toContain("boulangerie");
    expect(prompt).toContain("fournil");
    expect(prompt).toContain("servicesWanted");
  });

  it("retries a 429 and succeeds", async () => {
    const request = await processing();
    script = [rateLimited, message(JSON.stringify(draft))];
    const { generationId } = await asAdmin(() => requestDraft(deps(), request.id));
    const generation = await settled(generationId);
    expect(generation).toMatchObject({ status: "succeeded", attempts: 2, error: null });
    expect(received).toHaveLength(2);
    const after = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.generatedContent).toEqual(draft);
  });

  it("records a clear error when the API keeps failing, after the SDK's retries", async () => {
    const request = await processing();
    const overloaded: Scripted = {
      status: 529,
      body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
      headers: { "retry-after-ms": "10" },
    };
    script = [overloaded, overloaded, overloaded, overloaded];
    const { generationId } = await asAdmin(() => requestDraft(deps(), request.id));
    const generation = await settled(generationId);
    expect(generation.status).toBe("failed");
    expect(generation.attempts).toBe(4);
    expect(generation.error).toMatch(/Claude API error \(HTTP 529\)/);
    const after = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.generatedContent).toBeNull();
  });

  it("malformed model output: the generation fails with a clear error and the request is unchanged", async () => {
    const request = await processing();
    const previous = { services: [{ name: "Ancien", description: "Brouillon précédent." }] };
    await t.deps.prisma.aiRequest.update({ where: { id: request.id }, data: { generatedContent: previous } });

    script = [message("Bien sûr ! Voici quelques idées de services pour votre boulangerie.")];
    const first = await settled((await asAdmin(() => requestDraft(deps(), request.id))).generationId);
    expect(first.status).toBe("failed");
    expect(first.error).toMatch(/^Malformed model output: The answer contains no JSON object/);
    expect(first.inputTokens).toBe(1_000);

    script = [message(JSON.stringify({ services: [{ name: "Pain" }] }))];
    const second = await settled((await asAdmin(() => requestDraft(deps(), request.id))).generationId);
    expect(second.status).toBe("failed");
    expect(second.error).toMatch(/does not match the services schema: services\.0\.description/);

    const after = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.generatedContent).toEqual(previous);
    expect(after.status).toBe("processing");
  });

  it("does not store a draft on a request that is no longer processing", async () => {
    const request = await processing();
    script = [message(JSON.stringify(draft))];
    // The request moves on (rejected) before the job runs.
    const { generationId } = await t.deps.prisma.$transaction(async () => {
      const queued = await asAdmin(() => requestDraft(deps(), request.id));
      await t.deps.prisma.aiRequest.update({ where: { id: request.id }, data: { status: "rejected" } });
      return queued;
    });
    const generation = await settled(generationId);
    expect(generation.status).toBe("failed");
    expect(generation.error).toMatch(/no longer in progress \(rejected\)/);
    const after = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.generatedContent).toBeNull();
  });

  it("refuses a request that is not in progress", async () => {
    const pending = await makeAiRequest(t.deps.prisma, { status: "pending" });
    await expect(asAdmin(() => requestDraft(deps(), pending.id))).rejects.toMatchObject({ code: "conflict" });
    expect(await t.deps.prisma.aiGeneration.count({ where: { aiRequestId: pending.id } })).toBe(0);
  });

  it("refuses a draft or an import to a viewer in the service itself, and writes nothing", async () => {
    const request = await processing();
    const viewer = await makeAdmin(t.deps.prisma, { role: "viewer" });
    const asViewer = <T>(fn: () => Promise<T>) =>
      actingAs({ id: viewer.id, email: viewer.email, name: viewer.name, role: "viewer" }, fn);
    await expect(asViewer(() => requestDraft(deps(), request.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(asViewer(() => importResult(t.deps.prisma, request.id, JSON.stringify(draft)))).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await t.deps.prisma.aiGeneration.count({ where: { aiRequestId: request.id } })).toBe(0);
    expect(
      (await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).generatedContent,
    ).toBeNull();
  });

  it("without ANTHROPIC_API_KEY: unavailable, nothing queued, no content invented", async () => {
    const noKey = await makeTestApp({ ANTHROPIC_API_KEY: "" });
    try {
      const request = await processing();
      const call = asAdmin(() =>
        requestDraft({ prisma: noKey.deps.prisma, queues: noKey.deps.queues, config: noKey.deps.config }, request.id),
      );
      await expect(call).rejects.toBeInstanceOf(AppError);
      await expect(call).rejects.toMatchObject({ code: "unavailable", message: CLAUDE_NOT_CONFIGURED });

      const noKeyAgent = await loginAgent(noKey.app, admin.email, admin.password);
      const res = await noKeyAgent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/generateDraft`)
        .send({});
      expect(res.body.notice).toEqual({ message: CLAUDE_NOT_CONFIGURED, type: "error" });
      expect(await t.deps.prisma.aiGeneration.count({ where: { aiRequestId: request.id } })).toBe(0);
      const after = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
      expect(after.generatedContent).toBeNull();
      expect(received).toHaveLength(0);
    } finally {
      await noKey.close();
    }
  });

  it("is refused (403) to a viewer", async () => {
    const viewer = await makeAdmin(t.deps.prisma, { role: "viewer" });
    const viewerAgent = await loginAgent(t.app, viewer.email, viewer.password);
    const request = await processing();
    for (const action of ["generateDraft", "importResult"]) {
      const res = await viewerAgent.post(`/admin/api/resources/ai_requests/records/${request.id}/${action}`).send({});
      expect(res.status).toBe(403);
    }
    expect(await t.deps.prisma.aiGeneration.count({ where: { aiRequestId: request.id } })).toBe(0);
  });
});

describe("Claude Code export and import", () => {
  it("downloads the request as a Markdown brief with the expected JSON schema", async () => {
    const request = await processing();
    const res = await agent.get(`/admin/ai-queue/requests/${request.id}/brief.md`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/markdown/);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="locod-ai-request-${request.id}.md"`);
    expect(res.text).toContain(`# Locod-AI request #${request.id}: services for "boulangerie"`);
    expect(res.text).toContain('"servicesWanted": 2');
    expect(res.text).toContain('"additionalProperties": false');

    expect((await agent.get("/admin/ai-queue/requests/999999/brief.md")).status).toBe(404);
    const anonymous = await makeTestApp();
    try {
      const { default: request2 } = await import("supertest");
      const res2 = await request2(anonymous.app).get(`/admin/ai-queue/requests/${request.id}/brief.md`);
      expect(res2.status).toBe(302);
      expect(res2.headers.location).toBe("/admin/login");
    } finally {
      await anonymous.close();
    }
  });

  it("imports valid JSON as the draft and refuses invalid JSON with what is wrong", async () => {
    const request = await processing();
    await expect(asAdmin(() => importResult(t.deps.prisma, request.id, "not json"))).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/contains no JSON object/),
    });
    await expect(
      asAdmin(() => importResult(t.deps.prisma, request.id, JSON.stringify({ pages: [] }))),
    ).rejects.toMatchObject({ code: "validation", message: expect.stringMatching(/services schema/) });
    expect(
      (await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).generatedContent,
    ).toBeNull();

    // Through the AdminJS action, as the ImportResult page posts it.
    const bad = await agent
      .post(`/admin/api/resources/ai_requests/records/${request.id}/importResult`)
      .send({ content: JSON.stringify({ services: [{ name: "Pain" }] }) });
    expect(bad.body.notice.type).toBe("error");
    expect(bad.body.notice.message).toMatch(/services\.0\.description/);

    const ok = await agent
      .post(`/admin/api/resources/ai_requests/records/${request.id}/importResult`)
      .send({ content: "```json\n" + JSON.stringify(draft) + "\n```" });
    expect(ok.body.notice).toEqual({ message: "importResultDone", type: "success" });
    const after = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.generatedContent).toEqual(draft);
    expect(after.status).toBe("processing");
  });

  it("does not import into a request that is not in progress", async () => {
    const done = await makeAiRequest(t.deps.prisma, { status: "completed" });
    await expect(asAdmin(() => importResult(t.deps.prisma, done.id, JSON.stringify(draft)))).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
