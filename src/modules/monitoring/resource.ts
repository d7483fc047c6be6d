import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteMonitoringTable } from "./tables.js";

export const monitoringResources: ResourceFactory = (kit) => [
  kit.table(siteMonitoringTable, { properties: { checkType: { isTitle: true } } }),
];
