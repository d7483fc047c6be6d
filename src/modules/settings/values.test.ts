import { can, type Role } from "../auth/permissions.js";
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

  it("leaves the billing keys to admin and super_admin, not to an editor", () => {
    const billingKeys = Object.keys(SETTINGS).filter((key) => key.startsWith("billing."));
    expect(billingKeys.length).toBeGreaterThan(0);
    const roles: Role[] = ["viewer", "editor", "admin", "super_admin"];
    for (const key of billingKeys) {
      const [module, permission] = editPermissionOf(key)!;
      const allowed = roles.filter((role) => can({ role, permissions: null }, module, permission));
      expect(allowed).toEqual(["admin", "super_admin"]);
    }
  });
});
