import type { ResourceFactory } from "../../admin/resource-kit.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.resource(
    "Site",
    {
      listProperties: ["id", "name", "customer", "domain", "status", "createdAt"],
      filterProperties: ["name", "customer", "domain", "status", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
      },
    },
    {
      access: { module: "sites" },
      // The database trigger sites_max_sites (migration plan_site_limit) keeps a customer within its plan.
      constraints: { sites_customer_id_check: { path: "customer", message: "siteLimitReached" } },
    },
  ),
  kit.resource(
    "SiteConfig",
    {
      listProperties: ["id", "site", "version", "createdAt"],
      filterProperties: ["site", "version", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        version: { ...kit.int({ min: 1 }), isTitle: true },
        configData: kit.json("object"),
      },
    },
    { access: { module: "sites" } },
  ),
];
