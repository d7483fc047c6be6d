// The REST API's conventions: list sort, operator filters, search and totals; Idempotency-Key; rate
// limits; If-Match and ETag; X-Request-Id; 405, 413 and 415 as problem+json.
import request, { type Response } from "supertest";
import { makeCustomer } from "../factories/index.js";
import { API, USER_AGENT, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";
import { idempotencyRedisKey } from "../../src/http/idempotency.js";

let t: TestApp;
let admin: ApiLogin;

const get = (path: string, headers: Record<string, string> = {}) =>
  request(t.app).get(`${API}${path}`).set("User-Agent", USER_AGENT).set("Authorization", admin.auth).set(headers);

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
}

const fieldsOf = (res: Response) => (res.body.errors as { field: string }[]).map((e) => e.field);
const idsOf = (res: Response) => (res.body.data as { id: number }[]).map((row) => row.id);

beforeAll(async () => {
  t = await makeTestApp();
  admin = await makeApiLogin(t.app, t.deps.prisma, { role: "admin" });
});

afterAll(async () => {
  await t.close();
});

describe("rest lists", () => {
  it("sorts on allowed columns and keeps keyset pages in that order", async () => {
    const names = ["delta", "alpha", "charlie", "alpha", "bravo"];
    const made = [];
    for (const name of names) made.push(await makeCustomer(t.deps.prisma, { name: `sort-${name}`, planType: "pro" }));
    const expected = [...made]
      .sort((a, b) => (a.name === b.name ? b.id - a.id : a.name < b.name ? -1 : 1))
      .map((c) => c.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await get(
        `/customers/customers?q=sort-&sort=name&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      seen.push(...idsOf(res));
      expect(res.body.hasMore).toBe(res.body.nextCursor !== null);
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(expected);

    const desc = await get("/customers/customers?q=sort-&sort=-name,-createdAt&limit=1");
    expect(idsOf(desc)).toEqual([made[0]!.id]);
    // A cursor belongs to its sort.
    const other = await get(`/customers/customers?q=sort-&sort=name&cursor=${desc.body.nextCursor}`);
    expectProblem(other, 400);
    expect(fieldsOf(other)).toEqual(["cursor"]);
  });

  it("refuses a sort on an unknown or secret column and too many keys, naming sort", async () => {
    for (const sort of ["nope", "-passwordHash", "id,name,email,createdAt"]) {
      const res = await get(`/customers/customers?sort=${sort}`);
      expectProblem(res, 400);
      expect(fieldsOf(res)).toEqual(["sort"]);
    }
    const root = await makeApiLogin(t.app, t.deps.prisma, { role: "super_admin" });
    const asRoot = (path: string) => get(path, { Authorization: root.auth });
    const admins = await asRoot("/settings/admin_users?sort=passwordHash");
    expectProblem(admins, 400);
    expect(fieldsOf(admins)).toEqual(["sort"]);
    const secretFilter = await asRoot("/settings/admin_users?passwordHash[null]=false");
    expectProblem(secretFilter, 400);
    expect(fieldsOf(secretFilter)).toEqual(["passwordHash[null]"]);
  });

  it("filters with Stripe-style operators and refuses bad values by parameter", async () => {
    const a = await makeCustomer(t.deps.prisma, { name: "ops-a", planType: "enterprise", status: "active" });
    const b = await makeCustomer(t.deps.prisma, { name: "ops-b", planType: "starter", status: "active" });
    const since = encodeURIComponent(new Date(a.createdAt.getTime()).toISOString());
    const inList = await get("/customers/customers?q=ops-&planType[in]=enterprise,starter&sort=name");
    expect(idsOf(inList)).toEqual([a.id, b.id]);
    const after = await get(`/customers/customers?q=ops-&createdAt[gte]=${since}&name[contains]=OPS-B`);
    expect(idsOf(after)).toEqual([b.id]);
    const bad = await get("/customers/customers?createdAt[gt]=yesterday&planType[in]=gold&name[gt]=a");
    expectProblem(bad, 400);
    expect(fieldsOf(bad).sort()).toEqual(["createdAt[gt]", "name[gt]", "planType[in]"]);
  });

  it("searches text with q, taking % and _ literally", async () => {
    const literal = await makeCustomer(t.deps.prisma, { name: "promo 50%_off" });
    await makeCustomer(t.deps.prisma, { name: "promo 50XYoff" });
    const res = await get(`/customers/customers?q=${encodeURIComponent("50%_off")}`);
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([literal.id]);
  });

  it("counts only when asked, exact below the limit and marked estimated above it", async () => {
    for (let i = 0; i < 3; i++) await makeCustomer(t.deps.prisma, { name: `count-${i}` });
    const plain = await get("/customers/customers?q=count-&limit=1");
    expect(plain.body).not.toHaveProperty("total");
    expect(plain.body.hasMore).toBe(true);
    const counted = await get("/customers/customers?q=count-&limit=1&total=true");
    expect(counted.body).toMatchObject({ total: 3, totalEstimated: false, hasMore: true });
    const limit = t.deps.config.listExactCountLimit;
    (t.deps.config as { listExactCountLimit: number }).listExactCountLimit = 2;
    try {
      const estimated = await get("/customers/customers?q=count-&limit=1&total=true");
      expect(estimated.body).toMatchObject({ total: 3, totalEstimated: true });
    } finally {
      (t.deps.config as { listExactCountLimit: number }).listExactCountLimit = limit;
    }
  });
});

describe("rest protocol answers", () => {
  it("answers every request with an X-Request-Id, keeping a sane one from the client", async () => {
    const kept = await get("/customers/customers", { "X-Request-Id": "client-req-0001" });
    expect(kept.headers["x-request-id"]).toBe("client-req-0001");
    const replaced = await get("/customers/customers", { "X-Request-Id": "bad id\twith spaces" });
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const anonymous = await request(t.app).get(`${API}/customers/customers`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 405 with Allow on a hand-written route asked with another method", async () => {
    const res = await request(t.app).delete(`${API}/ai-queue/stats`).set("Authorization", admin.auth);
    expectProblem(res, 405);
    expect(res.headers.allow).toBe("GET");
    const table = await request(t.app).put(`${API}/customers/customers`).set("Authorization", admin.auth);
    expectProblem(table, 405);
    expect(table.headers.allow).toBe("GET, POST");
  });

  it("answers 413 for a body over the limit and 415 for a body that is not JSON", async () => {
    const big = await request(t.app)
      .post(`${API}/customers/customers`)
      .set("Authorization", admin.auth)
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ name: "x".repeat(1_100_000) }));
    expectProblem(big, 413);
    const form = await request(t.app)
      .post(`${API}/customers/customers`)
      .set("Authorization", admin.auth)
      .type("form")
      .send("name=Acme&email=acme@test.local");
    expectProblem(form, 415);
    expect(await t.deps.prisma.customer.count({ where: { name: "Acme" } })).toBe(0);
  });
});

describe("rest If-Match", () => {
  it("tags a record, takes a change naming its tag and refuses a stale one with 412", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "etag-before" });
    const read = await get(`/customers/customers/${customer.id}`);
    const tag = read.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    const patch = (body: object, ifMatch?: string) => {
      const req = request(t.app).patch(`${API}/customers/customers/${customer.id}`).set("Authorization", admin.auth);
      return (ifMatch ? req.set("If-Match", ifMatch) : req).send(body);
    };
    const first = await patch({ name: "etag-first" }, tag);
    expect(first.status).toBe(200);
    expect(first.headers.etag).not.toBe(tag);
    const stale = await patch({ name: "etag-stale" }, tag);
    expectProblem(stale, 412);
    expect(stale.headers.etag).toBe(first.headers.etag);
    expect((await t.deps.prisma.customer.findUnique({ where: { id: customer.id } }))!.name).toBe("etag-first");
    expect((await patch({ name: "etag-weak" }, `W/${first.headers.etag as string}`)).status).toBe(200);
    expect((await patch({ name: "etag-none" })).status).toBe(200);
  });
});

describe("rest Idempotency-Key", () => {
  const post = (body: object, key?: string, auth = admin.auth) => {
    const req = request(t.app).post(`${API}/customers/customers`).set("Authorization", auth);
    return (key ? req.set("Idempotency-Key", key) : req).send(body);
  };

  it("runs a POST once and replays its answer for the same key and body", async () => {
    const body = { name: "idem-once", email: "idem-once@test.local" };
    const first = await post(body, "create-idem-once-1");
    expect(first.status).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await post(body, "create-idem-once-1");
    expect(again.status).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.body).toEqual(first.body);
    expect(await t.deps.prisma.customer.count({ where: { email: "idem-once@test.local" } })).toBe(1);
    // Another admin's same key is another key.
    const other = await makeApiLogin(t.app, t.deps.prisma, { role: "admin" });
    const theirs = await post(
      { name: "idem-theirs", email: "idem-theirs@test.local" },
      "create-idem-once-1",
      other.auth,
    );
    expect(theirs.status).toBe(201);
    expect(theirs.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("refuses the same key with another body, and while the first request is in flight", async () => {
    expect((await post({ name: "idem-a", email: "idem-a@test.local" }, "idem-body-1")).status).toBe(201);
    const other = await post({ name: "idem-b", email: "idem-b@test.local" }, "idem-body-1");
    expectProblem(other, 409);
    expect(fieldsOf(other)).toEqual(["Idempotency-Key"]);

    const body = { name: "idem-flight", email: "idem-flight@test.local" };
    const key = idempotencyRedisKey(
      t.deps.config.queuePrefix,
      { admin: String(admin.admin.id), method: "POST", path: `${API}/customers/customers` },
      "idem-flight-1",
    );
    const { fingerprintOf } = await import("../../src/http/idempotency.js");
    await t.deps.redis.set(key, JSON.stringify({ state: "pending", fingerprint: fingerprintOf(body) }), "EX", 60);
    const busy = await post(body, "idem-flight-1");
    expectProblem(busy, 409);
    expect(busy.body.detail).toMatch(/in progress/);
    expect(await t.deps.prisma.customer.count({ where: { email: "idem-flight@test.local" } })).toBe(0);
  });

  it("keeps a 4xx answer for its key, and refuses a malformed key by name", async () => {
    const bad = await post({ name: "idem-bad" }, "has spaces in it");
    expectProblem(bad, 400);
    expect(fieldsOf(bad)).toEqual(["Idempotency-Key"]);
    // A 400 is kept: the same mistake answers the same way without running again.
    const invalid = await post({ name: "" }, "idem-invalid-1");
    expectProblem(invalid, 400);
    const replay = await post({ name: "" }, "idem-invalid-1");
    expect(replay.status).toBe(400);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
  });
});

describe("rest rate limits", () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await makeTestApp({
      RATE_LIMIT_PER_TOKEN: "3",
      RATE_LIMIT_PER_IP: "1000",
      RATE_LIMIT_WINDOW_SECONDS: "3600",
    });
  });
  afterAll(async () => {
    await limited.close();
  });

  it("counts per token with draft RateLimit headers and answers 429 with Retry-After", async () => {
    const login = await makeApiLogin(limited.app, limited.deps.prisma, { role: "admin" });
    const call = () => request(limited.app).get(`${API}/customers/customers`).set("Authorization", login.auth);
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.headers["ratelimit-policy"]).toBe('"ip";q=1000;w=3600, "token";q=3;w=3600');
    expect(first.headers.ratelimit).toMatch(/^"ip";r=\d+;t=\d+, "token";r=2;t=\d+$/);
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const over = await call();
    expectProblem(over, 429);
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(over.headers.ratelimit).toMatch(/"token";r=0;/);
    // Another token has its own count.
    const second = await makeApiLogin(limited.app, limited.deps.prisma, { role: "admin" });
    const fresh = await request(limited.app).get(`${API}/customers/customers`).set("Authorization", second.auth);
    expect(fresh.status).toBe(200);
  });

  it("counts per IP, before the token is read", async () => {
    const byIp = await makeTestApp({ RATE_LIMIT_PER_IP: "2", RATE_LIMIT_WINDOW_SECONDS: "7200" });
    try {
      // Unauthenticated requests count too (the login sent 1).
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await request(byIp.app).get(`${API}/customers/customers`)).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await byIp.close();
    }
  });

  it("is off under test unless set", async () => {
    const res = await get("/customers/customers");
    expect(res.headers["ratelimit-policy"]).toBeUndefined();
  });
});

describe("rest one resource per concept", () => {
  it("answers 308 from the former queue and alert paths to the table-named ones", async () => {
    const take = await request(t.app).post(`${API}/ai-queue/requests/12/take`).set("Authorization", admin.auth);
    expect(take.status).toBe(308);
    expect(take.headers.location).toBe(`${API}/ai-queue/ai_requests/12/take`);
    const list = await get("/ai-queue/requests?status=pending&limit=5");
    expect(list.status).toBe(308);
    expect(list.headers.location).toBe(`${API}/ai-queue/ai_requests?status=pending&limit=5`);
    const alerts = await get("/billing/alerts");
    expect(alerts.status).toBe(308);
    expect(decodeURIComponent(alerts.headers.location as string)).toBe(
      `${API}/billing/billing_alerts?acknowledgedAt[null]=true`,
    );
    const all = await get("/billing/alerts?status=all&limit=3");
    expect(all.headers.location).toBe(`${API}/billing/billing_alerts?limit=3`);
  });

  it("takes camelCase bodies on the queue actions and names refused fields that way", async () => {
    const res = await request(t.app)
      .post(`${API}/ai-queue/ai_requests/1/reject`)
      .set("Authorization", admin.auth)
      .send({ admin_notes: "no" });
    expectProblem(res, 400);
    // The former snake_case name is refused as unknown, and the camelCase one is required.
    expect(fieldsOf(res)).toContain("adminNotes");
  });
});

describe("rest conventions in openapi.json", () => {
  it("documents the protocol answers and headers", async () => {
    const doc = (await request(t.app).get(`${API}/openapi.json`)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>>;
    };
    const create = doc.paths["/customers/customers"]!.post!;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["405", "413", "415", "429"]));
    expect(create.parameters!.map((p) => p.name)).toContain("Idempotency-Key");
    const patch = doc.paths["/customers/customers/{id}"]!.patch!;
    expect(patch.parameters!.map((p) => p.name)).toContain("If-Match");
    expect(Object.keys(patch.responses)).toContain("412");
    const list = doc.paths["/customers/customers"]!.get!;
    expect(list.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["sort", "q", "total", "cursor"]));
  });
});
