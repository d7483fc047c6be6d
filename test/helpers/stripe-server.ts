// A local stand-in for api.stripe.com that the real stripe SDK is pointed at (STRIPE_API_BASE): it
// speaks enough of the API for the portal (customers, products, subscriptions, invoice items, invoices,
// refunds, payment intents), keeps the objects it made, records every request with its form body parsed,
// honours idempotency keys as Stripe does (same key: the first answer again), lets a test set the
// object a retrieve returns, and can fail the next matching request with a Stripe error.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StripeObject = Record<string, unknown> & { id: string; object?: string };

/** Stripe's JSON as this stand-in builds and edits it: loosely shaped on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  idempotencyKey: string | undefined;
  stripeVersion: string | undefined;
  authorization: string | undefined;
}

export interface ScriptedFailure {
  method: string;
  path: RegExp;
  status: number;
  error: { type: string; message: string; code?: string };
}

/** `a[b][0][c]=1&a[b][0][d]=2` as nested objects and arrays (Stripe's form encoding). */
export function parseForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const pair of text.split("&").filter(Boolean)) {
    const [rawKey, rawValue = ""] = pair.split("=");
    const key = decodeURIComponent(rawKey!.replace(/\+/g, " "));
    const value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    const parts = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const slot = part === "" && Array.isArray(node) ? String(node.length) : part;
      if (last) {
        (node as Record<string, unknown>)[slot] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(parts[i + 1]!);
      const container = node as Record<string, unknown>;
      container[slot] ??= nextIsIndex ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}

const now = () => Math.floor(Date.now() / 1000);
const list = (data: unknown[]) => ({ object: "list", data, has_more: false, url: "/v1/list" });

function addInterval(seconds: number, interval: string): number {
  const d = new Date(seconds * 1000);
  if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return Math.floor(d.getTime() / 1000);
}

export class StripeServer {
  readonly requests: RecordedRequest[] = [];
  readonly objects = new Map<string, StripeObject>();
  private readonly failures: ScriptedFailure[] = [];
  private readonly replays = new Map<string, { status: number; body: unknown }>();
  private counter = 0;
  /** Fields the next created subscription gets (a trial, an incomplete payment...), then forgotten. */
  nextSubscription: Record<string, unknown> | null = null;
  private server = http.createServer((req, res) => this.handle(req, res));
  url = "";

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The environment that points the portal's SDK here. */
  env(webhookSecret = "whsec_test_secret"): Record<string, string> {
    return { STRIPE_SECRET_KEY: "sk_test_local", STRIPE_API_BASE: this.url, STRIPE_WEBHOOK_SECRET: webhookSecret };
  }

  /** Sets (or replaces) the object a retrieve of its id returns. */
  set<T extends StripeObject>(object: T): T {
    this.objects.set(object.id, object);
    return object;
  }

  /** The object as the server holds it now (loosely typed: tests read what they set or it made). */
  get(id: string): Loose {
    return this.objects.get(id);
  }

  /** The next request matching method and path answers this Stripe error instead. */
  failNext(failure: ScriptedFailure): void {
    this.failures.push(failure);
  }

  /** Requests with this method whose path matches, in order. */
  calls(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_local${this.counter}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://local");
      const body = parseForm(Buffer.concat(chunks).toString("utf8"));
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: parseForm(url.search.slice(1)),
        body,
        idempotencyKey: header("idempotency-key"),
        stripeVersion: header("stripe-version"),
        authorization: header("authorization"),
      };
      this.requests.push(recorded);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${this.counter}` });
        res.end(JSON.stringify(payload));
      };
      const replayKey = recorded.idempotencyKey
        ? `${recorded.method} ${recorded.path} ${recorded.idempotencyKey}`
        : null;
      const replay = replayKey ? this.replays.get(replayKey) : undefined;
      if (replay) return send(replay.status, replay.body);
      const failure = this.failures.findIndex((f) => f.method === recorded.method && f.path.test(recorded.path));
      if (failure >= 0) {
        const [f] = this.failures.splice(failure, 1);
        return send(f!.status, { error: f!.error });
      }
      let status = 200;
      let answer: unknown;
      try {
        answer = this.route(recorded);
      } catch (error) {
        status = (error as { status?: number }).status ?? 500;
        answer = { error: { type: "invalid_request_error", message: (error as Error).message } };
      }
      if (replayKey && status < 500) this.replays.set(replayKey, { status, body: answer });
      send(status, answer);
    });
  }

  private missing(id: string): never {
    throw Object.assign(new Error(`No such object: '${id}'`), { status: 404 });
  }

  private find(id: string): StripeObject {
    return this.objects.get(id) ?? this.missing(id);
  }

  private route(r: RecordedRequest): unknown {
    const b = r.body as Record<string, Loose>;
    const seg = r.path.split("/").filter(Boolean).slice(1); // drop "v1"
    const [kind, id, sub] = seg;
    const metadata = (b.metadata ?? {}) as Record<string, string>;

    if (kind === "customers" && r.method === "POST" && !id) {
      return this.set({ id: this.nextId("cus"), object: "customer", email: b.email, name: b.name, metadata });
    }
    if (kind === "products" && r.method === "POST" && !id) {
      return this.set({ id: this.nextId("prod"), object: "product", name: b.name, metadata });
    }
    if (kind === "subscriptions") {
      if (r.method === "POST" && !id) {
        const created = { ...this.newSubscription(b), ...this.nextSubscription };
        this.nextSubscription = null;
        return this.set(created);
      }
      if (!id) return this.missing("subscriptions");
      const current = this.find(id) as Record<string, Loose>;
      if (r.method === "GET") return current;
      if (r.method === "DELETE") {
        return this.set({ ...current, id, status: "canceled", canceled_at: now(), ended_at: now() });
      }
      if (r.method === "POST") return this.set(this.updatedSubscription(current, b));
    }
    if (kind === "invoiceitems" && r.method === "POST") {
      const item = this.set({
        id: this.nextId("ii"),
        object: "invoiceitem",
        customer: b.customer,
        invoice: b.invoice ?? null,
        amount: Number(b.amount),
        currency: b.currency,
        description: b.description ?? null,
        metadata,
      });
      const invoice = b.invoice
        ? (this.objects.get(String(b.invoice)) as Record<string, Loose> | undefined)
        : undefined;
      if (invoice) {
        invoice.lines.data.push({
          id: this.nextId("il"),
          object: "line_item",
          amount: item.amount,
          currency: b.currency,
          description: item.description,
          quantity: 1,
          metadata,
        });
        this.total(invoice);
      }
      return item;
    }
    if (kind === "invoices") {
      if (r.method === "POST" && !id) {
        return this.set(
          this.total({
            id: this.nextId("in"),
            object: "invoice",
            customer: b.customer,
            currency: b.currency ?? "eur",
            status: "draft",
            number: b.number ?? null,
            collection_method: b.collection_method ?? "charge_automatically",
            days_until_due: b.days_until_due ? Number(b.days_until_due) : null,
            due_date: null,
            metadata,
            parent: null,
            lines: list([]),
            payments: list([]),
            attempt_count: 0,
            created: now(),
            status_transitions: { finalized_at: null, paid_at: null },
          }),
        );
      }
      if (!id) return this.missing("invoices");
      const invoice = this.find(id) as Record<string, Loose>;
      if (r.method === "GET" && !sub) return invoice;
      if (r.method === "GET" && sub === "lines") return invoice.lines;
      if (r.method === "POST" && sub === "finalize") {
        invoice.status = "open";
        invoice.status_transitions = { ...invoice.status_transitions, finalized_at: now() };
        invoice.due_date = invoice.days_until_due ? now() + invoice.days_until_due * 86_400 : null;
        return this.total(invoice);
      }
    }
    if (kind === "refunds") {
      if (r.method === "POST" && !id) {
        return this.set({
          id: this.nextId("re"),
          object: "refund",
          amount: Number(b.amount),
          currency: "eur",
          payment_intent: b.payment_intent ?? null,
          charge: b.charge ?? null,
          reason: b.reason ?? null,
          status: "succeeded",
          metadata,
          created: now(),
        });
      }
      if (r.method === "GET" && !id) {
        const q = r.query as Record<string, string>;
        const refunds = [...this.objects.values()].filter(
          (o) =>
            o.object === "refund" &&
            (!q.charge || o.charge === q.charge) &&
            (!q.payment_intent || o.payment_intent === q.payment_intent),
        );
        return list(refunds);
      }
      if (id) return this.find(id);
    }
    if (kind === "payment_intents" && id && r.method === "GET") return this.find(id);
    if (kind === "tax_rates") {
      if (r.method === "POST" && !id) {
        return this.set({
          id: this.nextId("txr"),
          object: "tax_rate",
          display_name: b.display_name,
          percentage: Number(b.percentage),
          inclusive: b.inclusive === "true",
          active: true,
          metadata,
        });
      }
      if (r.method === "GET" && !id) return list([...this.objects.values()].filter((o) => o.object === "tax_rate"));
    }
    throw Object.assign(new Error(`Unrecognized request URL (${r.method}: ${r.path})`), { status: 404 });
  }

  private newSubscription(b: Record<string, Loose>): StripeObject {
    const start = now();
    const id = this.nextId("sub");
    const trial = b.trial_period_days ? start + Number(b.trial_period_days) * 86_400 : null;
    return {
      id,
      object: "subscription",
      customer: b.customer,
      status: trial ? "trialing" : "active",
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      trial_end: trial,
      start_date: start,
      created: start,
      collection_method: b.collection_method ?? "charge_automatically",
      days_until_due: b.days_until_due ? Number(b.days_until_due) : null,
      metadata: b.metadata ?? {},
      items: list((b.items ?? []).map((item: Record<string, Loose>) => this.subscriptionItem(id, item, start))),
    };
  }

  private subscriptionItem(subscription: string, item: Record<string, Loose>, start: number, id?: string) {
    const data = item.price_data ?? {};
    const interval = data.recurring?.interval ?? "month";
    return {
      id: id ?? this.nextId("si"),
      object: "subscription_item",
      subscription,
      quantity: 1,
      current_period_start: start,
      current_period_end: addInterval(start, interval),
      price: {
        id: this.nextId("price"),
        object: "price",
        currency: data.currency,
        product: data.product,
        unit_amount: Number(data.unit_amount),
        recurring: { interval, interval_count: 1 },
      },
    };
  }

  private updatedSubscription(current: Record<string, Loose>, b: Record<string, Loose>): StripeObject {
    const next = { ...current, metadata: { ...current.metadata, ...(b.metadata ?? {}) } } as Record<string, Loose>;
    if (b.cancel_at_period_end !== undefined) next.cancel_at_period_end = b.cancel_at_period_end === "true";
    if (Array.isArray(b.items)) {
      const items = [...current.items.data];
      for (const change of b.items as Record<string, Loose>[]) {
        const at = items.findIndex((i: Record<string, Loose>) => i.id === change.id);
        if (at < 0) throw Object.assign(new Error(`No such subscription item: '${change.id}'`), { status: 400 });
        const old = items[at];
        items[at] = { ...this.subscriptionItem(current.id, change, old.current_period_start, old.id) };
        items[at].current_period_end = old.current_period_end;
      }
      next.items = list(items);
    }
    return next as StripeObject;
  }

  /** Subtotal and total from the lines (no tax rates here: tax comes as lines). */
  private total(invoice: Record<string, Loose>): StripeObject {
    const subtotal = (invoice.lines.data as { amount: number }[]).reduce((n, l) => n + l.amount, 0);
    Object.assign(invoice, {
      subtotal,
      subtotal_excluding_tax: subtotal,
      total: subtotal,
      amount_due: subtotal,
      amount_paid: invoice.status === "paid" ? subtotal : 0,
      amount_remaining: invoice.status === "paid" ? 0 : subtotal,
    });
    return invoice as StripeObject;
  }
}

export async function startStripeServer(): Promise<StripeServer> {
  return new StripeServer().start();
}

let eventCounter = 0;

/** A Stripe event as Stripe sends it (a snapshot of `object` when it was sent). */
export function stripeEvent(type: string, object: Record<string, unknown>, id?: string) {
  eventCounter += 1;
  return {
    id: id ?? `evt_test_${process.pid}_${eventCounter}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}
