// What a monitor's target names, per check type: the URL an http check requests, the host and port an
// ssl check connects to, the name a dns check resolves. Targets are typed by admins (the monitors form,
// the REST API), so a scheme or a path where a host is expected is tolerated, not refused.
import { isIP } from "node:net";

export interface HostPort {
  host: string;
  port: number;
}

/** The URL of an http check: the target, https:// assumed when it has no scheme. */
export function httpUrl(target: string): string {
  const trimmed = target.trim();
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/**
 * The host and port of an ssl check: "example.com" (port `defaultPort`), "example.com:8443",
 * "[::1]:8443", "127.0.0.1:8443", or a URL (its host and port). Null when no host can be read.
 */
export function hostAndPort(target: string, defaultPort = 443): HostPort | null {
  let rest = target.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  rest = rest.split(/[/?#]/)[0] ?? "";
  rest = rest.replace(/^[^@]*@/, "");
  let host = rest;
  let port = defaultPort;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if (isIP(rest) !== 6) {
    const withPort = /^(.*):(\d+)$/.exec(rest);
    if (withPort) {
      host = withPort[1]!;
      port = Number(withPort[2]);
    }
  }
  host = host.replace(/\.$/, "").toLowerCase();
  if (!host || /\s/.test(host) || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port };
}

/** The name a dns check resolves: the target's host, without port or trailing dot. */
export function dnsName(target: string): string | null {
  return hostAndPort(target)?.host ?? null;
}

/** Top-level names reserved for testing and documentation (RFC 2606, RFC 6761): never on the Internet. */
const RESERVED_TLDS = ["test", "example", "invalid", "localhost"];

/**
 * Whether the target's host is under a reserved top-level name ("shop.locod-ai.test"): such a name
 * resolves only through a DNS server of one's own (the monitoring.dns_servers setting), so without one
 * a round leaves its monitor as it is rather than report a site down that cannot exist (the demo's).
 */
export function reservedName(target: string): boolean {
  const host = hostAndPort(target)?.host;
  if (!host || isIP(host)) return false;
  return RESERVED_TLDS.includes(host.split(".").at(-1)!);
}
