import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteConfigTable, siteTable } from "./tables.js";
import { siteAudienceAction } from "../monitoring/index.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.table(siteTable, { properties: { name: { isTitle: true } }, actions: { audience: siteAudienceAction(kit) } }),
  kit.table(siteConfigTable, { properties: { version: { isTitle: true } } }),
];
