import type { ResourceFactory } from "../../admin/resource-kit.js";

export const billingResources: ResourceFactory = (kit) => [
  kit.resource("BillingPlan", { navigation: kit.nav.billing, sort: { sortBy: "createdAt", direction: "desc" } }),
  kit.resource("CustomerSubscription", {
    navigation: kit.nav.billing,
    sort: { sortBy: "createdAt", direction: "desc" },
  }),
  kit.resource("Invoice", { navigation: kit.nav.billing, sort: { sortBy: "issuedAt", direction: "desc" } }),
  kit.resource("InvoiceItem", { navigation: kit.nav.billing, sort: { sortBy: "createdAt", direction: "desc" } }),
];
