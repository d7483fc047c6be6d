// What the checks of a round share: the HTTP connection pool, the trusted certificate authorities and
// the DNS servers. Production uses Node's bundled CAs and the system's resolvers (or the
// monitoring.dns_servers setting); tests inject a CA made at test time and a local DNS server.
import { Resolver } from "node:dns/promises";
import type { CheckType } from "@prisma/client";
import { Agent, interceptors, type Dispatcher } from "undici";

/** One check's outcome, as a site_monitoring row holds it. */
export interface CheckResult {
  isUp: boolean;
  /** http: the response's status; null for ssl, dns and a request without a response. */
  statusCode: number | null;
  /** How long the check took (request and body, TLS handshake, resolution), null when it did not start. */
  responseTimeMs: number | null;
  /** Why it failed; null when up. */
  errorMessage: string | null;
}

/** The monitor's fields a check reads. */
export interface CheckSpec {
  type: CheckType;
  target: string;
  expectedStatus: number;
  keyword: string | null;
  timeoutMs: number;
  sslWarningDays: number;
  dnsExpected: unknown;
}

export interface CheckEnvOptions {
  /** DNS servers ("127.0.0.1:5353", "1.1.1.1"); empty or unset: the system's. */
  dnsServers?: readonly string[];
  /** PEM certificates trusted instead of Node's bundled authorities (ssl and https checks). */
  ca?: string | readonly string[];
  /** The clock of the ssl verdict (tests); default: the time of the check. */
  now?: () => Date;
}

export interface CheckEnv {
  http: Dispatcher;
  ca?: string[];
  now: () => Date;
  /** A resolver with the given timeout, on the configured servers. */
  resolver(timeoutMs: number): Resolver;
  close(): Promise<void>;
}

/** The redirects an http check follows, as browsers and Uptime Kuma do by default. */
const MAX_REDIRECTS = 10;

export function makeCheckEnv(options: CheckEnvOptions = {}): CheckEnv {
  const ca = options.ca === undefined ? undefined : typeof options.ca === "string" ? [options.ca] : [...options.ca];
  const agent = new Agent({
    // A check that keeps a connection open for the next round saves a handshake; the server decides.
    keepAliveTimeout: 10_000,
    connect: ca ? { ca } : {},
  });
  const http = agent.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTS }));
  const resolvers = new Map<number, Resolver>();
  const servers = options.dnsServers?.length ? [...options.dnsServers] : null;
  return {
    http,
    ca,
    now: options.now ?? (() => new Date()),
    resolver(timeoutMs) {
      let resolver = resolvers.get(timeoutMs);
      if (!resolver) {
        resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
        if (servers) resolver.setServers(servers);
        resolvers.set(timeoutMs, resolver);
      }
      return resolver;
    },
    async close() {
      for (const resolver of resolvers.values()) resolver.cancel();
      await agent.close();
    },
  };
}

/** Milliseconds since `started` (performance.now()), rounded. */
export function elapsedMs(started: number): number {
  return Math.max(0, Math.round(performance.now() - started));
}

/** An error's words for a site_monitoring row: Node's message ("connect ECONNREFUSED 127.0.0.1:80"). */
export function errorWords(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown } | null;
  const message = typeof e?.message === "string" && e.message ? e.message : String(error);
  return message.slice(0, 500);
}
