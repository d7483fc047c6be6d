import { AppError } from "../../../../lib/errors.js";
import { compileSegment } from "./compile.js";

const now = new Date("2026-12-01T12:00:00Z");

describe("compileSegment", () => {
  it("matches every customer on empty criteria", () => {
    expect(compileSegment({}, { now })).toEqual({
      sql: "SELECT c.id FROM customers c WHERE TRUE",
      where: "TRUE",
      params: [],
    });
  });

  it("puts every value in a parameter, numbered from firstParam", () => {
    const hostile = "x'); DROP TABLE customers; --";
    const { sql, params } = compileSegment(
      {
        plans: ["pro"],
        languages: ["fr", "en"],
        signedUp: { from: "2026-01-01" },
        sites: { min: 2, max: 4 },
        mrr: { max: "49.90" },
        billing: ["none", "past_due", "overdue"],
        referral: ["direct"],
      },
      { now, firstParam: 3 },
    );
    expect(params).toEqual([["pro"], ["fr", "en"], new Date("2026-01-01T00:00:00Z"), 2, 4, "49.90", ["past_due"], now]);
    for (let i = 3; i <= 10; i++) expect(sql).toContain(`$${i}::`);
    expect(sql).not.toContain("$2::");
    expect(sql).not.toContain("$11");
    expect(sql).toContain("NOT EXISTS (SELECT 1 FROM referral_program");
    // A hostile string is refused before it could reach any SQL.
    expect(() => compileSegment({ plans: [hostile] } as never)).toThrow(AppError);
  });

  it("turns a relative AI period into the instants before now", () => {
    const { params, sql } = compileSegment({ aiRequests: { period: { lastDays: 30 }, min: 1 } }, { now });
    expect(params).toEqual([new Date("2026-11-01T12:00:00Z"), now, 1]);
    expect(sql).toMatch(/c\.id IN \(SELECT r\.customer_id FROM ai_requests r .*HAVING count\(\*\) >= \$3::bigint\)/s);
  });

  it("leaves out criteria that hold for everyone", () => {
    expect(compileSegment({ referral: ["referred", "direct"] }, { now }).where).toBe("TRUE");
    expect(
      compileSegment({ aiRequests: { period: { lastDays: 7 }, min: 0 }, sites: { min: 0 } }, { now }),
    ).toMatchObject({
      where: "TRUE",
      params: [],
    });
  });

  it("refuses invalid criteria with the field named", () => {
    try {
      compileSegment({ mrr: { min: "5", max: "1" } });
      throw new Error("not refused");
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).errors).toEqual([{ field: "criteria.mrr.max", message: "min must not exceed max" }]);
    }
  });
});
