import type { ResourceFactory } from "../../admin/resource-kit.js";
import { customerTable } from "./tables.js";

export const customersResources: ResourceFactory = (kit) => [
  kit.table(customerTable, {
    properties: { name: { isTitle: true }, email: { isTitle: false } },
  }),
];
