// The load of the /collect bench (collect.ts), in a process of its own so that the client does not
// share the server's event loop: `node collect-load.mjs <baseUrl> <seconds> <connections> <domains,...>`.
// Keeps <connections> keep-alive connections busy posting events (page views mostly, some goals and
// vitals, from varied IPs and browsers) and prints {"sent", "accepted", "refused", "errors", "seconds"}.
import { Buffer } from "node:buffer";
import http from "node:http";
import { URL } from "node:url";

const [baseUrl, seconds, connections, domainList] = process.argv.slice(2);
const domains = domainList.split(",");
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const url = new URL("/collect", baseUrl);
const end = Date.now() + Number(seconds) * 1000;
const counts = { sent: 0, accepted: 0, refused: 0, errors: 0 };
const PATHS = ["/", "/services", "/contact", "/tarifs", "/devis"];
let n = 0;

function event() {
  n += 1;
  const domain = domains[n % domains.length];
  const page = `https://${domain}${PATHS[n % PATHS.length]}`;
  if (n % 10 === 7) return { type: "goal", goal: "Devis demandé", url: page };
  if (n % 10 === 9) return { type: "vital", metric: "LCP", value: 800 + (n % 3000), url: page };
  return { type: "pageview", url: page, referrer: n % 3 === 0 ? "https://www.google.com/" : null };
}

function post() {
  return new Promise((resolve) => {
    const body = JSON.stringify(event());
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "text/plain;charset=UTF-8",
          "content-length": Buffer.byteLength(body),
          "user-agent": `Mozilla/5.0 bench/${n % 7}`,
          "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 204) counts.accepted += 1;
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
    req.end(body);
  });
}

async function loop() {
  while (Date.now() < end) await post();
}

const started = Date.now();
await Promise.all(Array.from({ length: Number(connections) }, loop));
process.stdout.write(`${JSON.stringify({ ...counts, seconds: (Date.now() - started) / 1000 })}\n`);
agent.destroy();
