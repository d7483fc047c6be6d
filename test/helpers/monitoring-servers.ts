// Local servers that monitor checks run against, all on 127.0.0.1 (port 0): HTTP (up, 500, slow,
// keyword missing, redirect), TLS with certificates made at test time by a CA of the test's own, and a
// DNS server (dns2) that answers from a table.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import dns2 from "dns2";
import { generate } from "selfsigned";

export interface HttpTestServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

/** How long /slow waits before it answers (beyond any timeout the tests set). */
export const SLOW_MS = 5_000;

/**
 * /up (200, "Welcome to the site"), /error (500), /slow (answers after `slowMs`), /no-keyword (200
 * without the word), /redirect (302 to /up), /delay/<ms> (200 after ms).
 */
export async function startHttpServer(slowMs = SLOW_MS): Promise<HttpTestServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    const answer = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    };
    const later = (ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(200, "<h1>Welcome to the site</h1>");
      }, ms);
      timers.add(timer);
    };
    if (path === "/up") return answer(200, "<h1>Welcome to the site</h1>");
    if (path === "/error") return answer(500, "<h1>Oops</h1>");
    if (path === "/no-keyword") return answer(200, "<h1>Under construction</h1>");
    if (path === "/redirect") {
      res.writeHead(302, { location: "/up" });
      return res.end();
    }
    if (path === "/slow") return later(slowMs);
    const delay = /^\/delay\/(\d+)$/.exec(path);
    if (delay) return later(Number(delay[1]));
    answer(404, "not found");
  });
  server.keepAliveTimeout = 30_000;
  server.maxConnections = 10_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

export interface TestCertificates {
  /** The test CA's certificate: trust it through the check's `ca`. */
  ca: string;
  valid: { key: string; cert: string };
  expired: { key: string; cert: string };
  /** Valid, expiring in about 5 days. */
  expiringSoon: { key: string; cert: string };
  selfSigned: { key: string; cert: string };
}

const SUBJECT = [{ name: "commonName", value: "localhost" }];
const LEAF_EXTENSIONS = [
  { name: "basicConstraints" as const, cA: false },
  { name: "keyUsage" as const, digitalSignature: true, keyEncipherment: true },
  {
    name: "subjectAltName" as const,
    altNames: [
      { type: 2 as const, value: "localhost" },
      { type: 7 as const, ip: "127.0.0.1" },
    ],
  },
];

/** A CA and leaf certificates for 127.0.0.1 and localhost, made now (EC keys: fast). */
export async function makeTestCertificates(): Promise<TestCertificates> {
  const ca = await generate([{ name: "commonName", value: "Locod test CA" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: daysFromNow(-400),
    notAfterDate: daysFromNow(400),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true },
    ],
  });
  const signed = async (from: number, to: number) => {
    const pems = await generate(SUBJECT, {
      keyType: "ec",
      algorithm: "sha256",
      notBeforeDate: daysFromNow(from),
      notAfterDate: daysFromNow(to),
      extensions: LEAF_EXTENSIONS,
      ca: { key: ca.private, cert: ca.cert },
    });
    return { key: pems.private, cert: pems.cert };
  };
  const self = await generate(SUBJECT, {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: daysFromNow(-1),
    notAfterDate: daysFromNow(300),
    extensions: LEAF_EXTENSIONS,
  });
  return {
    ca: ca.cert,
    valid: await signed(-10, 90),
    expired: await signed(-100, -3),
    expiringSoon: await signed(-80, 5.5),
    selfSigned: { key: self.private, cert: self.cert },
  };
}

export interface TlsTestServer {
  /** 127.0.0.1:<port>, an ssl monitor's target. */
  target: string;
  close(): Promise<void>;
}

export async function startTlsServer(pair: { key: string; cert: string }): Promise<TlsTestServer> {
  const sockets = new Set<tls.TLSSocket>();
  const server = tls.createServer({ key: pair.key, cert: pair.cert }, (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.end();
  });
  server.on("tlsClientError", () => undefined);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface DnsTestServer {
  /** "127.0.0.1:<port>", for the checks' dnsServers. */
  server: string;
  close(): Promise<void>;
}

/** Answers A records from `records` (name -> addresses); any other name is NXDOMAIN. */
export async function startDnsServer(records: Record<string, string[]>): Promise<DnsTestServer> {
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = (question?.name ?? "").toLowerCase();
      const type = (question as { type?: number } | undefined)?.type;
      const addresses = records[name];
      if (!addresses) {
        response.header.rcode = 3; // NXDOMAIN
      } else if (type === Packet.TYPE.A) {
        for (const address of addresses) {
          const answer = { name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address };
          response.answers.push(answer as unknown as (typeof response.answers)[number]);
        }
      }
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  const port = server.addresses().udp!.port;
  return { server: `127.0.0.1:${port}`, close: () => server.close() };
}
