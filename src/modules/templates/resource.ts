import type { ResourceFactory } from "../../admin/resource-kit.js";
import { templateAbTestTable, templateTable, templateVersionTable } from "./tables.js";

export const templatesResources: ResourceFactory = (kit) => [
  kit.table(templateTable, { navigation: kit.nav.templates, properties: { name: { isTitle: true } } }),
  kit.table(templateVersionTable, {
    navigation: kit.nav.templates,
    properties: { version: { isTitle: true, props: { placeholder: "1.0.0" } } },
  }),
  kit.table(templateAbTestTable, { navigation: kit.nav.templates, properties: { name: { isTitle: true } } }),
];
