import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteConfigTable, siteTable } from "./tables.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.table(siteTable, { properties: { name: { isTitle: true } } }),
  kit.table(siteConfigTable, { properties: { version: { isTitle: true } } }),
];
