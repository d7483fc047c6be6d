import type { ResourceFactory } from "../../admin/resource-kit.js";
import {
  customerEmailTable,
  customerEmailTemplateTable,
  customerNoteRevisionTable,
  customerNoteTable,
  customerTable,
  customerTaskTable,
} from "./tables.js";

export const customersResources: ResourceFactory = (kit) => [
  kit.table(customerTable, {
    properties: { name: { isTitle: true }, email: { isTitle: false } },
  }),
  kit.table(customerNoteTable),
  kit.table(customerTaskTable),
  kit.table(customerEmailTemplateTable),
  kit.table(customerEmailTable),
  kit.table(customerNoteRevisionTable),
];
