// The load of the campaign tracking bench (campaigns.ts), in a process of its own so that the client
// does not share the server's event loop: `node campaign-track-load.mjs <baseUrl> <seconds> <connections>
// <file of paths>`. Keeps <connections> keep-alive connections busy GETting the paths (open pixels and
// click redirects, in turn) and prints {"sent", "ok", "refused", "errors", "seconds"}.
import http from "node:http";
import { readFileSync } from "node:fs";
import { URL } from "node:url";

const [baseUrl, seconds, connections, file] = process.argv.slice(2);
const paths = readFileSync(file, "utf8").split("\n").filter(Boolean);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const base = new URL(baseUrl);
const end = Date.now() + Number(seconds) * 1000;
const counts = { sent: 0, ok: 0, refused: 0, errors: 0 };
let n = 0;

function get() {
  return new Promise((resolve) => {
    const path = paths[n++ % paths.length];
    const req = http.request({ host: base.hostname, port: base.port, path, method: "GET", agent }, (res) => {
      res.resume();
      res.on("end", () => {
        if (res.statusCode === 200 || res.statusCode === 302) counts.ok += 1;
        else counts.refused += 1;
        resolve();
      });
    });
    req.on("error", () => {
      counts.errors += 1;
      resolve();
    });
    req.end();
    counts.sent += 1;
  });
}

async function worker() {
  while (Date.now() < end) await get();
}

const started = Date.now();
await Promise.all(Array.from({ length: Number(connections) }, worker));
agent.destroy();
process.stdout.write(JSON.stringify({ ...counts, seconds: (Date.now() - started) / 1000 }));
