import type { ResourceFactory } from "../../admin/resource-kit.js";
import { templateAbTestTable, templateTable, templateVersionTable } from "./tables.js";
import { templateAbDailyTable, templateAbEventTable } from "./ab/tables.js";
import { abTestActions } from "./ab/resource.js";

export const templatesResources: ResourceFactory = (kit) => [
  kit.table(templateTable, { properties: { name: { isTitle: true } } }),
  kit.table(templateVersionTable, {
    properties: { version: { isTitle: true, props: { placeholder: "1.0.0" } } },
  }),
  kit.table(templateAbTestTable, { properties: { name: { isTitle: true } }, actions: abTestActions(kit) }),
  kit.table(templateAbDailyTable),
  kit.table(templateAbEventTable),
];
