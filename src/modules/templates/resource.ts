import type { ResourceFactory } from "../../admin/resource-kit.js";
import { templateAbTestTable, templateTable, templateVersionTable } from "./tables.js";

export const templatesResources: ResourceFactory = (kit) => [
  kit.table(templateTable, { properties: { name: { isTitle: true } } }),
  kit.table(templateVersionTable, {
    properties: { version: { isTitle: true, props: { placeholder: "1.0.0" } } },
  }),
  kit.table(templateAbTestTable, { properties: { name: { isTitle: true } } }),
];
