// A dns monitor's expected records (monitors.dns_expected: [{"type":"A","value":"203.0.113.7"}]) and how
// answers are compared with them. Names compare without case or trailing dot; an MX expectation may give
// the exchange alone or "priority exchange"; TXT strings are joined as one text.

export const DNS_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS"] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

export interface ExpectedRecord {
  type: DnsRecordType;
  value: string;
}

/** The expectations of a monitor, or the reason they cannot be read (checked at run time: the column is JSON). */
export function parseDnsExpected(value: unknown): { records: ExpectedRecord[] } | { problem: string } {
  if (value === null || value === undefined) return { records: [] };
  if (!Array.isArray(value)) return { problem: "dns_expected must be a list of {type, value}" };
  const records: ExpectedRecord[] = [];
  for (const [i, item] of value.entries()) {
    const entry = item as { type?: unknown; value?: unknown } | null;
    const type = typeof entry?.type === "string" ? entry.type.toUpperCase() : "";
    if (!(DNS_RECORD_TYPES as readonly string[]).includes(type) || typeof entry?.value !== "string" || !entry.value) {
      return { problem: `dns_expected[${i}] must be {type: ${DNS_RECORD_TYPES.join("|")}, value: text}` };
    }
    records.push({ type: type as DnsRecordType, value: entry.value });
  }
  return { records };
}

/** An answer or an expected value in comparable form. */
export function normaliseRecord(type: DnsRecordType, value: string): string {
  const v = value.trim();
  if (type === "TXT") return v;
  if (type === "A") return v;
  if (type === "AAAA") return v.toLowerCase();
  return v.toLowerCase().replace(/\.$/, "").replace(/\s+/g, " ");
}

function matches(type: DnsRecordType, expected: string, answers: readonly string[]): boolean {
  const want = normaliseRecord(type, expected);
  return answers.some((answer) => {
    const got = normaliseRecord(type, answer);
    // "10 mx.example.com" answers an expectation of "mx.example.com" too.
    return got === want || (type === "MX" && got.split(" ").slice(1).join(" ") === want);
  });
}

/**
 * The first expectation the answers miss, as a cause ("expected A 203.0.113.7, got 198.51.100.1"), or
 * null when every one is met. `answers` holds, per type asked, the records as text.
 */
export function unmetExpectation(
  expected: readonly ExpectedRecord[],
  answers: ReadonlyMap<DnsRecordType, readonly string[]>,
): string | null {
  for (const record of expected) {
    const got = answers.get(record.type) ?? [];
    if (!matches(record.type, record.value, got)) {
      return `expected ${record.type} ${record.value}, got ${got.length ? got.join(", ") : "none"}`;
    }
  }
  return null;
}
