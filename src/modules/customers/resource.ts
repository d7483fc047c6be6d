import type { ResourceFactory } from "../../admin/resource-kit.js";

export const customersResources: ResourceFactory = (kit) => [
  kit.resource(
    "Customer",
    {
      listProperties: ["id", "name", "email", "planType", "status", "createdAt"],
      filterProperties: ["name", "email", "planType", "status", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
        email: { ...kit.email(), isTitle: false },
        // Set when Stripe first bills the customer (billing/stripe/gateway.ts).
        stripeCustomerId: kit.readOnly(),
      },
    },
    { access: { module: "customers" } },
  ),
];
