import type { ResourceFactory } from "../../admin/resource-kit.js";
import { customerTable } from "./tables.js";

export const customersResources: ResourceFactory = (kit) => [
  kit.table(customerTable, {
    navigation: kit.nav.customers,
    properties: { name: { isTitle: true }, email: { isTitle: false } },
  }),
];
