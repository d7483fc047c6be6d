import type { ResourceFactory } from "../../admin/resource-kit.js";

export const billingResources: ResourceFactory = (kit) => [
  kit.resource(
    "BillingPlan",
    {
      navigation: kit.nav.billing,
      listProperties: ["id", "name", "priceMonthly", "priceYearly", "aiCreditsIncluded", "maxSites", "status"],
      filterProperties: ["name", "status", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
        priceMonthly: kit.money(),
        priceYearly: kit.money(),
        features: kit.json("string-array"),
        aiCreditsIncluded: kit.int({ min: 0 }),
        maxSites: kit.int({ min: 0 }),
      },
    },
    { access: { module: "billing", actions: { new: "create_invoice", edit: "create_invoice" } } },
  ),
  kit.resource(
    "CustomerSubscription",
    {
      navigation: kit.nav.billing,
      listProperties: ["id", "customer", "plan", "status", "currentPeriodEnd", "cancelAtPeriodEnd", "createdAt"],
      filterProperties: [
        "customer",
        "plan",
        "status",
        "cancelAtPeriodEnd",
        "currentPeriodEnd",
        "stripeSubscriptionId",
        "startedAt",
        "createdAt",
      ],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        stripeSubscriptionId: { isTitle: true },
      },
    },
    { access: { module: "billing", actions: { new: "create_invoice", edit: "create_invoice" } } },
  ),
  kit.resource(
    "Invoice",
    {
      navigation: kit.nav.billing,
      listProperties: ["invoiceNumber", "customer", "totalAmount", "status", "issuedAt", "dueAt", "paidAt"],
      filterProperties: [
        "invoiceNumber",
        "customer",
        "subscription",
        "status",
        "issuedAt",
        "dueAt",
        "paidAt",
        "paymentMethod",
        "stripeInvoiceId",
      ],
      sort: { sortBy: "issuedAt", direction: "desc" },
      properties: {
        invoiceNumber: { isTitle: true },
        amount: kit.money({ currencyPath: "currency" }),
        taxAmount: kit.money({ currencyPath: "currency" }),
        totalAmount: kit.money({ currencyPath: "currency" }),
        // ISO 4217 code; the money columns are shown in it.
        currency: { custom: { pattern: "^[A-Z]{3}$" } },
        notes: kit.text(),
      },
    },
    { access: { module: "billing", actions: { new: "create_invoice", edit: "create_invoice" } } },
  ),
  kit.resource(
    "InvoiceItem",
    {
      navigation: kit.nav.billing,
      listProperties: ["id", "invoice", "description", "quantity", "unitPrice", "totalPrice", "aiRequest", "createdAt"],
      filterProperties: ["invoice", "aiRequest", "description", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        description: { isTitle: true },
        quantity: kit.int({ min: 1 }),
        unitPrice: kit.money(),
        totalPrice: kit.money(),
      },
    },
    { access: { module: "billing", actions: { new: "create_invoice", edit: "create_invoice" } } },
  ),
];
