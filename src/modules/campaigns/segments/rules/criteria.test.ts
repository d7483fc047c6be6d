import { buildSegments } from "../../../../../prisma/demo/segments.js";
import { parseSegmentCriteria } from "./criteria.js";

describe("segment criteria", () => {
  it("accepts an empty object (every customer) and every criterion together", () => {
    expect(parseSegmentCriteria({})).toEqual({ ok: true, criteria: {} });
    const full = {
      plans: ["pro", "starter", "pro"],
      statuses: ["active"],
      languages: ["en"],
      signedUp: { from: "2026-01-01", to: "2026-07-01T00:00:00Z" },
      sites: { min: 1 },
      aiRequests: { period: { lastDays: 30 }, min: 5, max: 50 },
      mrr: { min: "10", max: "99.90" },
      billing: ["active", "overdue"],
      referral: ["referred"],
    };
    const parsed = parseSegmentCriteria(full);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.criteria).toEqual(full);
  });

  it("refuses unknown keys, values and shapes, naming the field", () => {
    const fields = (input: unknown) => {
      const parsed = parseSegmentCriteria(input);
      return parsed.ok ? [] : parsed.problems.map((p) => p.field);
    };
    expect(fields({ plan: ["pro"] })).toEqual(["criteria"]);
    expect(fields({ plans: ["gold"] })).toEqual(["criteria.plans.0"]);
    expect(fields({ plans: [] })).toEqual(["criteria.plans"]);
    expect(fields({ sites: { min: 3, max: 2 } })).toEqual(["criteria.sites.max"]);
    expect(fields({ sites: {} })).toEqual(["criteria.sites"]);
    expect(fields({ sites: { min: -1 } })).toEqual(["criteria.sites.min"]);
    expect(fields({ mrr: { min: "1e3" } })).toEqual(["criteria.mrr.min"]);
    expect(fields({ mrr: { min: 10 } })).toEqual(["criteria.mrr.min"]);
    expect(fields({ mrr: { min: "100", max: "20.5" } })).toEqual(["criteria.mrr.max"]);
    expect(fields({ signedUp: { from: "2026-02-01", to: "2026-01-01" } })).toEqual(["criteria.signedUp.to"]);
    expect(fields({ signedUp: { from: "yesterday" } })).toEqual(["criteria.signedUp.from"]);
    expect(fields({ aiRequests: { period: { lastDays: 0 }, min: 1 } })).toEqual([
      "criteria.aiRequests.period.lastDays",
    ]);
    expect(fields({ aiRequests: { period: { lastDays: 7 } } })).toEqual(["criteria.aiRequests"]);
    expect(fields({ billing: ["paying"] })).toEqual(["criteria.billing.0"]);
    expect(fields({ referral: ["friend"] })).toEqual(["criteria.referral.0"]);
    expect(fields([])).toEqual(["criteria"]);
    expect(fields("'; DROP TABLE customers; --")).toEqual(["criteria"]);
  });

  it("holds for every demo segment", () => {
    const staff = { superAdmin: 1, admin: 2, editor: 3, viewer: 4 };
    for (const segment of buildSegments(new Date("2026-11-25T00:00:00Z"), staff)) {
      expect([segment.name, parseSegmentCriteria(segment.criteria).ok]).toEqual([segment.name, true]);
    }
  });
});
