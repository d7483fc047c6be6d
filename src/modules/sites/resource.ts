import type { ResourceFactory } from "../../admin/resource-kit.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.resource("Site", { navigation: kit.nav.sites, sort: { sortBy: "createdAt", direction: "desc" } }),
  kit.resource("SiteConfig", { navigation: kit.nav.sites, sort: { sortBy: "createdAt", direction: "desc" } }),
];
