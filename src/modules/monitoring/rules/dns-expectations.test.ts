import { parseDnsExpected, unmetExpectation, type DnsRecordType } from "./dns-expectations.js";

const answers = (entries: [DnsRecordType, string[]][]) => new Map(entries);

describe("monitoring dns expectations", () => {
  it("reads null as no expectation and refuses malformed entries", () => {
    expect(parseDnsExpected(null)).toEqual({ records: [] });
    expect(parseDnsExpected([{ type: "a", value: "203.0.113.7" }])).toEqual({
      records: [{ type: "A", value: "203.0.113.7" }],
    });
    expect(parseDnsExpected({ type: "A" })).toHaveProperty("problem");
    expect(parseDnsExpected([{ type: "SRV", value: "x" }])).toEqual({
      problem: "dns_expected[0] must be {type: A|AAAA|CNAME|MX|TXT|NS, value: text}",
    });
  });

  it("is met when every expected record is among the answers", () => {
    const expected = [
      { type: "A" as const, value: "203.0.113.7" },
      { type: "CNAME" as const, value: "Edge.Example.net." },
      { type: "MX" as const, value: "mx.example.com" },
    ];
    const got = answers([
      ["A", ["198.51.100.1", "203.0.113.7"]],
      ["CNAME", ["edge.example.net"]],
      ["MX", ["10 mx.example.com"]],
    ]);
    expect(unmetExpectation(expected, got)).toBeNull();
  });

  it("names the first record missing and what was found instead", () => {
    expect(unmetExpectation([{ type: "A", value: "203.0.113.7" }], answers([["A", ["198.51.100.1"]]]))).toBe(
      "expected A 203.0.113.7, got 198.51.100.1",
    );
    expect(unmetExpectation([{ type: "TXT", value: "v=spf1 -all" }], answers([]))).toBe(
      "expected TXT v=spf1 -all, got none",
    );
  });
});
