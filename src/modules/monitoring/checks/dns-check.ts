// A dns monitor's check: the name resolves (an A or AAAA record), and, when dns_expected lists records,
// each of them is among the answers of its type.
import type { Resolver } from "node:dns/promises";
import { dnsName } from "../rules/check-target.js";
import {
  parseDnsExpected,
  unmetExpectation,
  type DnsRecordType,
  type ExpectedRecord,
} from "../rules/dns-expectations.js";
import { elapsedMs, type CheckEnv, type CheckResult, type CheckSpec } from "./check-env.js";

/** The records of one type, as text. */
async function lookup(resolver: Resolver, name: string, type: DnsRecordType): Promise<string[]> {
  switch (type) {
    case "A":
      return resolver.resolve4(name);
    case "AAAA":
      return resolver.resolve6(name);
    case "CNAME":
      return resolver.resolveCname(name);
    case "NS":
      return resolver.resolveNs(name);
    case "MX":
      return (await resolver.resolveMx(name)).map((mx) => `${mx.priority} ${mx.exchange}`);
    case "TXT":
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
  }
}

/** A resolver error in an operator's words. */
function dnsErrorWords(error: unknown, name: string, type: string, timeoutMs: number): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ENOTFOUND":
      return `domain not found (NXDOMAIN): ${name}`;
    case "ENODATA":
      return `no ${type} record for ${name}`;
    case "ETIMEOUT":
      return `DNS timeout of ${timeoutMs}ms exceeded`;
    case "ESERVFAIL":
      return `DNS server failure (SERVFAIL) for ${name}`;
    case "EREFUSED":
      return `DNS query refused for ${name}`;
    case "ECONNREFUSED":
      return "DNS server refused the connection";
    default:
      return `DNS ${code ?? "error"}: ${(error as Error).message ?? String(error)}`.slice(0, 500);
  }
}

export async function dnsCheck(monitor: CheckSpec, env: CheckEnv): Promise<CheckResult> {
  const name = dnsName(monitor.target);
  if (!name) return { isUp: false, statusCode: null, responseTimeMs: null, errorMessage: "invalid target host" };
  const parsed = parseDnsExpected(monitor.dnsExpected);
  if ("problem" in parsed) return { isUp: false, statusCode: null, responseTimeMs: null, errorMessage: parsed.problem };
  const resolver = env.resolver(monitor.timeoutMs);
  const started = performance.now();
  const fail = (errorMessage: string) => ({
    isUp: false,
    statusCode: null,
    responseTimeMs: elapsedMs(started),
    errorMessage,
  });
  const expected: readonly ExpectedRecord[] = parsed.records;
  try {
    if (expected.length === 0) {
      // Resolves: an IPv4 address, else an IPv6 one.
      try {
        await lookup(resolver, name, "A");
      } catch (error) {
        if ((error as { code?: string }).code !== "ENODATA") throw Object.assign(error as Error, { dnsType: "A" });
        await lookup(resolver, name, "AAAA").catch((e: unknown) => {
          throw Object.assign(e as Error, { dnsType: "A or AAAA" });
        });
      }
      return { isUp: true, statusCode: null, responseTimeMs: elapsedMs(started), errorMessage: null };
    }
    const types = [...new Set(expected.map((r) => r.type))];
    const answers = new Map<DnsRecordType, string[]>();
    for (const type of types) {
      try {
        answers.set(type, await lookup(resolver, name, type));
      } catch (error) {
        // No record of a type is an answer (none); anything else stops the check.
        if ((error as { code?: string }).code !== "ENODATA") throw Object.assign(error as Error, { dnsType: type });
        answers.set(type, []);
      }
    }
    const unmet = unmetExpectation(expected, answers);
    return unmet
      ? fail(unmet)
      : { isUp: true, statusCode: null, responseTimeMs: elapsedMs(started), errorMessage: null };
  } catch (error) {
    const type = (error as { dnsType?: string }).dnsType ?? "A";
    return fail(dnsErrorWords(error, name, type, monitor.timeoutMs));
  }
}
