// The local servers a check round bench runs against, in a process of their own so that the bench's
// CPU figure is the checker's alone: HTTP (up, slow, 500), TLS (valid, expired certificates) and DNS.
// Sends {origin, tls: {valid, expired}, dns, ca} to its parent, then serves until killed.
import {
  makeTestCertificates,
  startDnsServer,
  startHttpServer,
  startTlsServer,
} from "../helpers/monitoring-servers.js";

const web = await startHttpServer();
const certs = await makeTestCertificates();
const valid = await startTlsServer(certs.valid);
const expired = await startTlsServer(certs.expired);
const names: Record<string, string[]> = {};
for (let i = 1; i <= 20_000; i++) names[`site${i}.bench.test`] = ["203.0.113.7"];
const dns = await startDnsServer(names);
process.send!({
  origin: web.origin,
  tls: { valid: valid.target, expired: expired.target },
  dns: dns.server,
  ca: certs.ca,
});
