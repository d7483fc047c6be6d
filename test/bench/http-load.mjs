// The HTTP load of the ingestion benches, in a process of its own so that the client does not share the
// server's event loop: `node http-load.mjs <scenario> <baseUrl> <seconds> <connections> <args...>`.
// Keeps <connections> keep-alive connections busy with the scenario's requests and prints
// {"sent", "ok", "refused", "errors", "seconds"}. Scenarios:
// - collect <domains,...>: /collect events (page views mostly, some goals and vitals, varied IPs, browsers);
// - ab-events <testIds,...> <run>: /ab/events (an exposure per visitor, a conversion for one in ten),
//   each with a fresh event id;
// - track <file of paths>: GETs of the paths in turn (campaign open pixels and click redirects).
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import http from "node:http";
import { URL } from "node:url";

const [scenario, baseUrl, seconds, connections, ...args] = process.argv.slice(2);
const ip = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const beacon = (path, body, headers = {}) => ({
  method: "POST",
  path,
  body: JSON.stringify(body),
  headers: { "content-type": "text/plain;charset=UTF-8", ...headers },
  ok: [204],
});

/** Each scenario: the n-th request. */
const SCENARIOS = {
  collect() {
    const domains = args[0].split(",");
    const PATHS = ["/", "/services", "/contact", "/tarifs", "/devis"];
    return (n) => {
      const page = `https://${domains[n % domains.length]}${PATHS[n % PATHS.length]}`;
      const event =
        n % 10 === 7
          ? { type: "goal", goal: "Devis demandé", url: page }
          : n % 10 === 9
            ? { type: "vital", metric: "LCP", value: 800 + (n % 3000), url: page }
            : { type: "pageview", url: page, referrer: n % 3 === 0 ? "https://www.google.com/" : null };
      return beacon("/collect", event, { "user-agent": `Mozilla/5.0 bench/${n % 7}`, "x-forwarded-for": ip(n) });
    };
  },
  "ab-events"() {
    const tests = args[0].split(",").map(Number);
    const run = args[1];
    return (n) => {
      const visitor = `${run}-${Math.floor(n / 2)}`;
      const test = tests[Math.floor(n / 2) % tests.length];
      const event =
        n % 20 === 1
          ? { test, visitor, eventId: `${run}-${n}`, type: "conversion", goal: "signup" }
          : { test, visitor, eventId: `${run}-${n}`, type: "exposure" };
      return beacon("/ab/events", event, { "x-forwarded-for": ip(n) });
    };
  },
  track() {
    const paths = readFileSync(args[0], "utf8").split("\n").filter(Boolean);
    return (n) => ({ method: "GET", path: paths[n % paths.length], headers: {}, ok: [200, 302] });
  },
};

if (!SCENARIOS[scenario]) throw new Error(`unknown scenario ${scenario} (one of ${Object.keys(SCENARIOS).join(", ")})`);
const next = SCENARIOS[scenario]();
const base = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const end = Date.now() + Number(seconds) * 1000;
const counts = { sent: 0, ok: 0, refused: 0, errors: 0 };
let n = 0;

function send() {
  return new Promise((resolve) => {
    n += 1;
    const r = next(n);
    const headers = r.body === undefined ? r.headers : { ...r.headers, "content-length": Buffer.byteLength(r.body) };
    const req = http.request(
      { host: base.hostname, port: base.port, path: r.path, method: r.method, agent, headers },
      (res) => {
        res.resume();
        res.on("end", () => {
          if (r.ok.includes(res.statusCode)) counts.ok += 1;
          else counts.refused += 1;
          resolve();
        });
      },
    );
    req.on("error", () => {
      counts.errors += 1;
      resolve();
    });
    counts.sent += 1;
    req.end(r.body);
  });
}

async function loop() {
  while (Date.now() < end) await send();
}

const started = Date.now();
await Promise.all(Array.from({ length: Number(connections) }, loop));
process.stdout.write(`${JSON.stringify({ ...counts, seconds: (Date.now() - started) / 1000 })}\n`);
agent.destroy();
