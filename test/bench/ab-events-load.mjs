// The load of the /ab/events bench (ab.ts), in a process of its own so that the client does not share
// the server's event loop: `node ab-events-load.mjs <baseUrl> <seconds> <connections> <testIds,...> <run>`.
// Keeps <connections> keep-alive connections busy posting events (an exposure per visitor, a conversion
// for one in ten, from varied IPs), each with a fresh event id, and prints
// {"sent", "accepted", "refused", "errors", "seconds"}.
import { Buffer } from "node:buffer";
import http from "node:http";
import { URL } from "node:url";

const [baseUrl, seconds, connections, testList, run] = process.argv.slice(2);
const tests = testList.split(",").map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const url = new URL("/ab/events", baseUrl);
const end = Date.now() + Number(seconds) * 1000;
const counts = { sent: 0, accepted: 0, refused: 0, errors: 0 };
let n = 0;

function event() {
  n += 1;
  const visitor = `${run}-${Math.floor(n / 2)}`;
  const test = tests[Math.floor(n / 2) % tests.length];
  if (n % 20 === 1) return { test, visitor, eventId: `${run}-${n}`, type: "conversion", goal: "signup" };
  return { test, visitor, eventId: `${run}-${n}`, type: "exposure" };
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
