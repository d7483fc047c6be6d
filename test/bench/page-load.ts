// The back-office's page load (`npm run bench -- --only page-load [--loads 5]`): what a browser downloads
// and how long until the dashboard's figures are on screen, on a first visit (empty cache) and on a
// later one (the same browser profile, its cache filled by the first).
//
// On a database of its own (BENCH_PAGES_DATABASE_URL, default locod_admin_bench_pages) holding the demo
// data `npm start` seeds. The app runs in this process as `npm start` serves it (createApp with the
// component bundle), in the mode of this process's NODE_ENV (development unless set: what a newcomer's
// `npm start` gives; `NODE_ENV=production npm run bench -- --only page-load` measures production).
// Debian's Chromium (playwright-core) signs in through the login form's POST (no page is loaded for
// it), then opens /admin; Chrome's DevTools protocol counts each response's bytes on the wire
// (encodedDataLength: headers and the body as sent, compressed or not; 0 when served from the cache).
// "Data shown" is the time from the navigation's start to the first KPI card in the document, which
// the dashboard renders only once its data has arrived (a MutationObserver notes the moment).
// Prints the medians and writes test/artifacts/bench-page-load.json.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, CDPSession } from "playwright-core";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps } from "../../src/deps.js";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { DEMO_ADMINS, seedDemoData } from "../../prisma/seed.js";
import { launchBrowser } from "../helpers/browser.js";
import { percentile, writeBenchReport } from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATABASE_URL =
  process.env.BENCH_PAGES_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin_bench_pages";
/** What the dashboard renders once its data is there (components/Dashboard.tsx). */
const DATA_SHOWN = '[data-testid="kpi-card"]';

const log = (message: string) => process.stderr.write(`${message}\n`);

/** One page load as the wire and the page saw it. */
export interface LoadSample {
  /** Milliseconds from the navigation's start to the dashboard's data in the document. */
  dataShownMs: number;
  requests: number;
  /** Bytes on the wire (headers and body as sent), every response. */
  bytes: number;
  /** Bytes on the wire of the scripts. */
  jsBytes: number;
  /** The scripts' bodies once decoded (their size uncompressed), loaded from the network or the cache. */
  jsDecodedBytes: number;
  /** Responses served from the browser's cache without a request. */
  fromCache: number;
  /** Responses that were 304 Not Modified (revalidated). */
  notModified: number;
  /** Hosts other than the portal's that were asked for something. */
  otherHosts: string[];
}

interface Traffic {
  type: string;
  status: number;
  url: string;
  encoded: number;
  decoded: number;
  cached: boolean;
  done: boolean;
}

/** Records every response of the page through the DevTools protocol until `collect` is called. */
async function watchNetwork(cdp: CDPSession): Promise<{ collect(): Traffic[] }> {
  const byId = new Map<string, Traffic>();
  const entry = (id: string) => {
    let t = byId.get(id);
    if (!t) {
      t = { type: "", status: 0, url: "", encoded: 0, decoded: 0, cached: false, done: false };
      byId.set(id, t);
    }
    return t;
  };
  cdp.on("Network.requestWillBeSent", (e) => {
    const t = entry(e.requestId);
    t.url = e.request.url;
    t.type = e.type ?? t.type;
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    entry(e.requestId).cached = true;
  });
  cdp.on("Network.responseReceived", (e) => {
    const t = entry(e.requestId);
    t.type = e.type;
    t.status = e.response.status;
    t.url = e.response.url;
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) t.cached = true;
  });
  cdp.on("Network.dataReceived", (e) => {
    entry(e.requestId).decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const t = entry(e.requestId);
    t.encoded = e.encodedDataLength;
    t.done = true;
  });
  cdp.on("Network.loadingFailed", (e) => {
    entry(e.requestId).done = true;
  });
  await cdp.send("Network.enable");
  return { collect: () => [...byId.values()] };
}

async function signIn(context: BrowserContext, baseUrl: string, login: { email: string; password: string }) {
  const res = await context.request.post(`${baseUrl}/admin/login`, {
    form: login,
    headers: { origin: baseUrl },
    maxRedirects: 0,
  });
  if (res.status() !== 302) throw new Error(`login refused: HTTP ${res.status()}`);
}

/** Opens the dashboard in `context` and measures it, until its data is shown and the network is idle. */
async function loadDashboard(context: BrowserContext, baseUrl: string): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const network = await watchNetwork(cdp);
    const response = await page.goto(`${baseUrl}/admin`, { waitUntil: "commit" });
    if (!response || response.status() !== 200) throw new Error(`/admin answered HTTP ${response?.status()}`);
    // Watches the document from its start: the moment the first KPI card is inserted. A string, not a
    // function: tsx wraps named functions in a helper (__name) that the page does not have.
    const dataShownMs = await page.evaluate<number>(`new Promise((resolve) => {
      const found = () => document.querySelector(${JSON.stringify(DATA_SHOWN)});
      if (found()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!found()) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document, { childList: true, subtree: true });
    })`);
    // The responses started until then, once finished (fonts and late scripts included); later ones (a
    // refresh of the data) are not part of the load.
    const started = network.collect().filter((t) => t.url.startsWith("http"));
    const deadline = Date.now() + 60_000;
    while (started.some((t) => !t.done)) {
      if (Date.now() > deadline) throw new Error("responses still unfinished 60 s after the data was shown");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const traffic = started;
    const origin = new URL(baseUrl).host;
    const scripts = traffic.filter((t) => t.type === "Script");
    return {
      dataShownMs,
      requests: traffic.length,
      bytes: traffic.reduce((sum, t) => sum + t.encoded, 0),
      jsBytes: scripts.reduce((sum, t) => sum + t.encoded, 0),
      jsDecodedBytes: scripts.reduce((sum, t) => sum + t.decoded, 0),
      fromCache: traffic.filter((t) => t.cached).length,
      notModified: traffic.filter((t) => t.status === 304).length,
      otherHosts: [...new Set(traffic.map((t) => new URL(t.url).host).filter((h) => h !== origin))],
    };
  } finally {
    await page.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

function median(samples: LoadSample[]) {
  const m = (pick: (s: LoadSample) => number) => percentile(samples.map(pick), 50);
  return {
    dataShownMs: m((s) => s.dataShownMs),
    requests: m((s) => s.requests),
    bytes: m((s) => s.bytes),
    jsBytes: m((s) => s.jsBytes),
    jsDecodedBytes: m((s) => s.jsDecodedBytes),
    fromCache: m((s) => s.fromCache),
    notModified: m((s) => s.notModified),
    otherHosts: [...new Set(samples.flatMap((s) => s.otherHosts))],
  };
}

export function formatLoads(rows: { name: string; m: ReturnType<typeof median> }[]): string {
  const kB = (n: number) => (n / 1024).toFixed(1);
  const header = ["load", "JS kB on wire", "JS kB decoded", "all kB on wire", "requests", "cached", "304", "data ms"];
  const cells = rows.map(({ name, m }) => [
    name,
    kB(m.jsBytes),
    kB(m.jsDecodedBytes),
    kB(m.bytes),
    String(m.requests),
    String(m.fromCache),
    String(m.notModified),
    m.dataShownMs.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

export async function runPageLoadBench(options: { loads: number }): Promise<void> {
  const mode = process.env.NODE_ENV === "production" ? "production" : "development";
  if (await ensureDatabase(DATABASE_URL)) log(`created database ${new URL(DATABASE_URL).pathname.slice(1)}`);
  await migrate(DATABASE_URL);

  // The port first: the portal accepts form posts from its PUBLIC_BASE_URL only.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: mode,
    DATABASE_URL,
    PUBLIC_BASE_URL: baseUrl,
    QUEUE_PREFIX: "locod-bench-pages",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    SESSION_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
    WIZARD_WEBHOOK_SECRET: randomBytes(48).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
  });
  const deps = createDeps(config);
  let browser: Browser | undefined;
  let server: Server | undefined;
  try {
    if ((await seedDemoData(deps.prisma, { bcryptCost: 4 })).seeded) log("seeded the demo data");
    const bundling = performance.now();
    const app = await createApp(deps, { bundle: true });
    log(`app ready in ${((performance.now() - bundling) / 1000).toFixed(1)} s (${mode} mode, components bundled)`);
    server = await new Promise((resolve) => {
      const s = app.listen(port, "127.0.0.1", () => resolve(s));
    });
    browser = await launchBrowser();
    const login = DEMO_ADMINS.find((a) => a.role === "super_admin")!;
    const first: LoadSample[] = [];
    const cached: LoadSample[] = [];
    // A warm-up load, not counted: the server's first answers fill its own caches (count estimates).
    {
      const context = await browser.newContext();
      await signIn(context, baseUrl, login);
      await loadDashboard(context, baseUrl);
      await context.close();
    }
    for (let i = 0; i < options.loads; i++) {
      // A fresh context is a fresh profile: an empty cache.
      const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
      try {
        await signIn(context, baseUrl, login);
        first.push(await loadDashboard(context, baseUrl));
        cached.push(await loadDashboard(context, baseUrl));
      } finally {
        await context.close();
      }
      log(
        `  load ${i + 1}: first ${(first.at(-1)!.jsBytes / 1024).toFixed(0)} kB of JS, data in ` +
          `${first.at(-1)!.dataShownMs.toFixed(0)} ms; cached ${(cached.at(-1)!.jsBytes / 1024).toFixed(0)} kB, ` +
          `${cached.at(-1)!.dataShownMs.toFixed(0)} ms`,
      );
    }
    const rows = [
      { name: "first load (empty cache)", m: median(first) },
      { name: "cached load", m: median(cached) },
    ];
    const otherHosts = rows.flatMap((r) => r.m.otherHosts);
    const artifact = await writeBenchReport(
      "page-load",
      `\nThe dashboard in Chromium, ${mode} mode, median of ${options.loads} loads of each kind:\n` +
        `${formatLoads(rows)}\n` +
        `  "on wire": headers and bodies as transferred (compressed when the server compressed them); "data ms":\n` +
        `  from the navigation's start to the dashboard's KPI cards in the document.\n` +
        (otherHosts.length ? `  requests to other hosts: ${otherHosts.join(", ")}\n` : ""),
      { mode, loads: options.loads, first, cached, rows },
    );
    log(`wrote ${path.relative(ROOT, artifact)}`);
  } finally {
    await browser?.close();
    if (server) await new Promise((resolve) => server!.close(resolve));
    await closeDeps(deps);
  }
}
