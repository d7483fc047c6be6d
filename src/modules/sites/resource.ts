import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteConfigTable, siteTable } from "./tables.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.table(siteTable, { navigation: kit.nav.sites, properties: { name: { isTitle: true } } }),
  kit.table(siteConfigTable, { navigation: kit.nav.sites, properties: { version: { isTitle: true } } }),
];
