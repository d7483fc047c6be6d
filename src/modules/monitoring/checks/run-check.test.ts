// The three checks against local servers on 127.0.0.1: HTTP (up, 500, slow beyond the timeout, keyword
// missing, redirect, refused), TLS with certificates made now (valid, expired, expiring within the
// warning days, self-signed, untrusted CA) and DNS (resolves, NXDOMAIN, unexpected record).
import {
  makeTestCertificates,
  startDnsServer,
  startHttpServer,
  startTlsServer,
  type DnsTestServer,
  type HttpTestServer,
  type TestCertificates,
  type TlsTestServer,
} from "../../../../test/helpers/monitoring-servers.js";
import { makeCheckEnv, type CheckEnv, type CheckSpec } from "./check-env.js";
import { runCheck } from "./run-check.js";

const base: CheckSpec = {
  type: "http",
  target: "",
  expectedStatus: 200,
  keyword: null,
  timeoutMs: 5_000,
  sslWarningDays: 14,
  dnsExpected: null,
};

let web: HttpTestServer;
let certs: TestCertificates;
const tlsServers: Record<string, TlsTestServer> = {};
let dns: DnsTestServer;
let env: CheckEnv;

beforeAll(async () => {
  web = await startHttpServer();
  certs = await makeTestCertificates();
  for (const name of ["valid", "expired", "expiringSoon", "selfSigned"] as const) {
    tlsServers[name] = await startTlsServer(certs[name]);
  }
  dns = await startDnsServer({ "site.test": ["203.0.113.7"], "other.test": ["198.51.100.1"] });
  env = makeCheckEnv({ ca: certs.ca, dnsServers: [dns.server] });
});

afterAll(async () => {
  await env.close();
  await web.close();
  for (const server of Object.values(tlsServers)) await server.close();
  await dns.close();
});

describe("monitoring http check", () => {
  it("is up on the expected status, with the response time", async () => {
    const result = await runCheck({ ...base, target: `${web.origin}/up`, keyword: "Welcome" }, env);
    expect(result).toMatchObject({ isUp: true, statusCode: 200, errorMessage: null });
    expect(result.responseTimeMs).toEqual(expect.any(Number));
  });

  it("is down on a 500, naming the status", async () => {
    expect(await runCheck({ ...base, target: `${web.origin}/error` }, env)).toMatchObject({
      isUp: false,
      statusCode: 500,
      errorMessage: "HTTP 500 Internal Server Error",
    });
  });

  it("is down when the answer comes after the timeout", async () => {
    const result = await runCheck({ ...base, target: `${web.origin}/slow`, timeoutMs: 300 }, env);
    expect(result).toMatchObject({ isUp: false, statusCode: null, errorMessage: "timeout of 300ms exceeded" });
    expect(result.responseTimeMs).toBeGreaterThanOrEqual(290);
  });

  it("is down when the keyword is missing from the body", async () => {
    expect(await runCheck({ ...base, target: `${web.origin}/no-keyword`, keyword: "Welcome" }, env)).toMatchObject({
      isUp: false,
      statusCode: 200,
      errorMessage: 'keyword "Welcome" not found',
    });
  });

  it("follows redirects, and compares another expected status", async () => {
    expect(await runCheck({ ...base, target: `${web.origin}/redirect` }, env)).toMatchObject({
      isUp: true,
      statusCode: 200,
    });
    expect(await runCheck({ ...base, target: `${web.origin}/up`, expectedStatus: 204 }, env)).toMatchObject({
      isUp: false,
      errorMessage: "HTTP 200 OK (expected 204)",
    });
  });

  it("is down when nothing listens", async () => {
    const closed = await startHttpServer();
    await closed.close();
    const result = await runCheck({ ...base, target: `${closed.origin}/up` }, env);
    expect(result.isUp).toBe(false);
    expect(result.errorMessage).toMatch(/ECONNREFUSED/);
  });
});

describe("monitoring ssl check", () => {
  const ssl = (server: string, extra: Partial<CheckSpec> = {}) =>
    runCheck({ ...base, type: "ssl", target: tlsServers[server]!.target, ...extra }, env);

  it("passes a valid certificate whose chain the trusted CA signed", async () => {
    const result = await ssl("valid");
    expect(result).toMatchObject({ isUp: true, statusCode: null, errorMessage: null });
    expect(result.responseTimeMs).toEqual(expect.any(Number));
  });

  it("reports an expired certificate", async () => {
    expect(await ssl("expired")).toMatchObject({ isUp: false, errorMessage: "certificate has expired" });
  });

  it("reports a certificate expiring within the warning days, and passes it under a shorter warning", async () => {
    expect(await ssl("expiringSoon")).toMatchObject({ isUp: false, errorMessage: "certificate expires in 5 days" });
    expect(await ssl("expiringSoon", { sslWarningDays: 3 })).toMatchObject({ isUp: true });
  });

  it("reports a self-signed certificate", async () => {
    expect(await ssl("selfSigned")).toMatchObject({ isUp: false, errorMessage: "self-signed certificate" });
  });

  it("does not trust the test CA without the injected CA list", async () => {
    const bare = makeCheckEnv();
    try {
      const result = await runCheck({ ...base, type: "ssl", target: tlsServers.valid!.target }, bare);
      expect(result).toMatchObject({ isUp: false });
      expect(result.errorMessage).toMatch(/not trusted/);
    } finally {
      await bare.close();
    }
  });
});

describe("monitoring dns check", () => {
  const check = (target: string, dnsExpected: unknown = null) =>
    runCheck({ ...base, type: "dns", target, dnsExpected, timeoutMs: 3_000 }, env);

  it("passes a name that resolves", async () => {
    expect(await check("site.test")).toMatchObject({ isUp: true, statusCode: null, errorMessage: null });
  });

  it("reports an unresolvable domain", async () => {
    expect(await check("missing.test")).toMatchObject({
      isUp: false,
      errorMessage: "domain not found (NXDOMAIN): missing.test",
    });
  });

  it("compares the expected records", async () => {
    expect(await check("site.test", [{ type: "A", value: "203.0.113.7" }])).toMatchObject({ isUp: true });
    expect(await check("other.test", [{ type: "A", value: "203.0.113.7" }])).toMatchObject({
      isUp: false,
      errorMessage: "expected A 203.0.113.7, got 198.51.100.1",
    });
  });
});
