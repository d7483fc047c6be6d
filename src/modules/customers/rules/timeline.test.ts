import { mergeTimelines } from "./timeline.js";

const at = (iso: string, kind: string, module = "m") => ({ at: iso, kind, module });

describe("customer timeline merge", () => {
  it("orders every module's events newest first and keeps the limit", () => {
    const billing = [
      at("2026-03-01T00:00:00.000Z", "invoice_paid", "billing"),
      at("2026-01-01T00:00:00.000Z", "invoice_issued", "billing"),
    ];
    const sites = [at("2026-02-01T00:00:00.000Z", "site_created", "sites")];
    expect(mergeTimelines([billing, sites], 10).map((e) => e.kind)).toEqual([
      "invoice_paid",
      "site_created",
      "invoice_issued",
    ]);
    expect(mergeTimelines([billing, sites], 2).map((e) => e.kind)).toEqual(["invoice_paid", "site_created"]);
  });

  it("keeps events of the same instant in module order, then in each module's order", () => {
    const t = "2026-03-01T10:00:00.000Z";
    expect(mergeTimelines([[at(t, "a1"), at(t, "a2")], [at(t, "b1")]], 5).map((e) => e.kind)).toEqual([
      "a1",
      "a2",
      "b1",
    ]);
  });
});
