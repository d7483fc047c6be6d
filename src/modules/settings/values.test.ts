import { editPermissionOf, SETTINGS } from "./values.js";

describe("editPermissionOf", () => {
  it("asks billing.refund for every key under billing., known or not", () => {
    expect(editPermissionOf("billing.seller")).toEqual(["billing", "refund"]);
    expect(editPermissionOf("billing.vat_rate")).toEqual(["billing", "refund"]);
    expect(editPermissionOf("billing.payment_terms_days")).toEqual(["billing", "refund"]);
    expect(editPermissionOf("billing.some_future_key")).toEqual(["billing", "refund"]);
  });

  it("keeps a known key's own permission and asks nothing more of the others", () => {
    expect(editPermissionOf("analytics.alert_thresholds")).toEqual(["analytics", "configure"]);
    expect(editPermissionOf("ai_queue.price_list")).toBeNull();
    expect(editPermissionOf("billingx.seller")).toBeNull();
    expect(editPermissionOf("custom.flag")).toBeNull();
  });

  it("asks the same billing administrators' permission for every billing key the portal knows", () => {
    const billingKeys = Object.keys(SETTINGS).filter((key) => key.startsWith("billing."));
    expect(billingKeys).toEqual(["billing.vat_rate", "billing.payment_terms_days", "billing.seller"]);
    for (const key of billingKeys) expect(editPermissionOf(key)).toEqual(["billing", "refund"]);
  });
});
