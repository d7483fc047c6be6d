import { defineTable } from "../../db/table-spec.js";

export const customerTable = defineTable({
  model: "Customer",
  module: "customers",
  writable: {
    email: { email: true },
    name: {},
    planType: {},
    status: {},
    language: {},
  },
  list: ["id", "name", "email", "planType", "status", "createdAt"],
  title: ["name"],
  related: [
    { table: "sites", via: "customerId" },
    { table: "customer_subscriptions", via: "customerId" },
    { table: "invoices", via: "customerId" },
    { table: "ai_requests", via: "customerId" },
  ],
  filters: ["name", "email", "planType", "status", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const customersTables = [customerTable];
