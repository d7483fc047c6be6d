// Issue 4's bench: the AI queue's REST list (GET /admin/api/v1/ai-queue/requests) against a floor route
// running the same SQL with pg, and take -> complete cycles per second through the REST API.
//
// The list cases reuse the 1M-request fill. The cycles insert fresh pending `services` requests for one
// bench customer, take and complete each (billing it on the customer's draft invoice of the month and
// recording its e-mails, queued in Redis under the bench's QUEUE_PREFIX, no worker), then delete what
// they added (requests, invoice items, new invoices, e-mail log rows) so the fill's marker still holds.
import type pg from "pg";
import { percentile, summarise, timedGet, type CaseResult, type Sample } from "./measure.js";

export const QUEUE_API = "/admin/api/v1/ai-queue/ai_requests";
/** The page size the cases ask for. */
export const QUEUE_LIMIT = 50;
/** The queue's working order: most urgent first, then oldest (the keyset id, newest first, ends it). */
export const QUEUE_SORT = "priority,createdAt";

export interface QueueCase {
  name: string;
  /** Filters of the REST request; the floor gets the same query string. */
  query: Record<string, string>;
  /** Follow nextCursor of the first page and measure the second page. */
  secondPage?: boolean;
}

export const QUEUE_CASES: QueueCase[] = [
  { name: "ai-queue list by priority", query: { sort: QUEUE_SORT, limit: String(QUEUE_LIMIT) } },
  {
    name: "ai-queue list status=pending",
    query: { sort: QUEUE_SORT, limit: String(QUEUE_LIMIT), status: "pending" },
  },
  {
    name: "ai-queue list status=pending&requestType=content",
    query: { sort: QUEUE_SORT, limit: String(QUEUE_LIMIT), status: "pending", requestType: "content" },
  },
  {
    name: "ai-queue list by priority page 2 (cursor)",
    query: { sort: QUEUE_SORT, limit: String(QUEUE_LIMIT) },
    secondPage: true,
  },
];

/** Logs in through the REST API once (failed logins are throttled): the bearer token. */
export async function apiLogin(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/admin/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`REST login failed: HTTP ${res.status}: ${body.slice(0, 200)}`);
  return (JSON.parse(body) as { token: string }).token;
}

interface QueueAnswer {
  ids: number[];
  nextCursor: string | null;
}

function parseAnswer(side: string, name: string, status: number, body: string): QueueAnswer {
  if (status !== 200) throw new Error(`${name}: ${side} answered HTTP ${status}: ${body.slice(0, 200)}`);
  const json = JSON.parse(body) as { data: { id: number }[]; nextCursor: string | null };
  return { ids: json.data.map((r) => Number(r.id)), nextCursor: json.nextCursor };
}

export async function runQueueCase(
  c: QueueCase,
  bases: { app: string; floor: string },
  token: string,
  opts: { requests: number; warmup: number },
): Promise<CaseResult> {
  const headers = { authorization: `Bearer ${token}` };
  let query = new URLSearchParams(c.query);
  if (c.secondPage) {
    const first = await timedGet(`${bases.app}${QUEUE_API}?${query}`, headers);
    const cursor = parseAnswer("the API", c.name, first.status, first.body).nextCursor;
    if (!cursor) throw new Error(`${c.name}: the first page has no nextCursor`);
    query = new URLSearchParams({ ...c.query, cursor });
  }
  const urls = { app: `${bases.app}${QUEUE_API}?${query}`, floor: `${bases.floor}/floor/ai-queue?${query}` };
  const a = await timedGet(urls.app, headers);
  const f = await timedGet(urls.floor);
  const x = parseAnswer("the API", c.name, a.status, a.body);
  const y = parseAnswer("the floor", c.name, f.status, f.body);
  if (x.ids.join(",") !== y.ids.join(",") || x.nextCursor !== y.nextCursor) {
    throw new Error(
      `${c.name}: the API and the floor answer different rows:\n  ${JSON.stringify(x)}\n  ${JSON.stringify(y)}`,
    );
  }
  const note = x.ids.length < QUEUE_LIMIT ? `${x.ids.length} rows only` : undefined;
  for (let i = 0; i < opts.warmup; i++) {
    await timedGet(urls.app, headers);
    await timedGet(urls.floor);
  }
  const app: Sample[] = [];
  const floor: Sample[] = [];
  for (let i = 0; i < opts.requests; i++) {
    const r = await timedGet(urls.app, headers);
    if (r.status !== 200) throw new Error(`${c.name}: the API answered HTTP ${r.status} on request ${i}`);
    app.push({ ms: r.ms, bytes: Buffer.byteLength(r.body) });
    const s = await timedGet(urls.floor);
    if (s.status !== 200) throw new Error(`${c.name}: the floor answered HTTP ${s.status} on request ${i}`);
    floor.push({ ms: s.ms, bytes: Buffer.byteLength(s.body) });
  }
  return summarise(c.name, app, floor, note);
}

export interface CycleResult {
  name: string;
  cycles: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

const SERVICES_CONTENT = {
  services: [
    { name: "Devis gratuit", description: "Un devis détaillé sous 24 heures, sans engagement." },
    { name: "Intervention rapide", description: "Une équipe disponible six jours sur sept dans votre ville." },
  ],
};

async function post(url: string, token: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST ${url}: HTTP ${res.status}: ${text.slice(0, 300)}`);
}

/** Inserts `count` pending services requests for `customerId`; their ids, oldest first. */
async function insertPending(client: pg.Client, customerId: number, count: number): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO ai_requests (customer_id, business_type, request_type, request_data, status, priority, estimated_cost)
     SELECT $1, 'restaurant', 'services', '{"servicesWanted": 3, "existingServices": [], "tone": "professionnel"}', 'pending', 5, 2.00
       FROM generate_series(1, $2::int)
     RETURNING id`,
    [customerId, count],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Takes then completes each request, `concurrency` at a time; times each cycle. */
export async function runCycles(
  client: pg.Client,
  baseUrl: string,
  token: string,
  opts: { customerId: number; count: number; concurrency: number },
): Promise<CycleResult> {
  const ids = await insertPending(client, opts.customerId, opts.count);
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const t = performance.now();
      await post(`${baseUrl}${QUEUE_API}/${id}/take`, token, {});
      await post(`${baseUrl}${QUEUE_API}/${id}/complete`, token, { generatedContent: SERVICES_CONTENT });
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM ai_requests WHERE id = ANY($1) AND status = 'completed' AND billing_status = 'billed'",
    [ids],
  );
  if (Number(rows[0]!.n) !== ids.length)
    throw new Error(`cycles: ${rows[0]!.n} of ${ids.length} requests completed and billed`);
  return {
    name: `take->complete x${opts.count}, concurrency ${opts.concurrency}`,
    cycles: ids.length,
    concurrency: opts.concurrency,
    seconds,
    perSecond: ids.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

/** Removes what the cycles added since `maxIds` was read, so the fill's counts hold again. */
export async function cleanupCycles(
  client: pg.Client,
  maxIds: { aiRequest: number; invoice: number },
  customerId: number,
): Promise<void> {
  await client.query("BEGIN");
  try {
    const ids = `SELECT id FROM ai_requests WHERE id > $1 AND customer_id = $2`;
    await client.query(`DELETE FROM invoice_items WHERE ai_request_id IN (${ids})`, [maxIds.aiRequest, customerId]);
    await client.query(`DELETE FROM email_log WHERE ai_request_id IN (${ids})`, [maxIds.aiRequest, customerId]);
    await client.query(`DELETE FROM ai_requests WHERE id IN (${ids})`, [maxIds.aiRequest, customerId]);
    await client.query("DELETE FROM invoices WHERE id > $1 AND customer_id = $2", [maxIds.invoice, customerId]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

export async function maxIds(client: pg.Client): Promise<{ aiRequest: number; invoice: number }> {
  const { rows } = await client.query<{ a: string | null; i: string | null }>(
    "SELECT (SELECT max(id) FROM ai_requests) AS a, (SELECT max(id) FROM invoices) AS i",
  );
  return { aiRequest: Number(rows[0]!.a ?? 0), invoice: Number(rows[0]!.i ?? 0) };
}

export function formatCycles(results: CycleResult[]): string {
  const header = ["cycles", "concurrency", "seconds", "cycles/s", "cycle p50", "cycle p95"];
  const rows = results.map((r) => [
    String(r.cycles),
    String(r.concurrency),
    r.seconds.toFixed(2),
    r.perSecond.toFixed(1),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(" | ")} |`;
  const rule = `|${widths.map((w) => `${"-".repeat(w + 1)}:`).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
