import type { ResourceFactory } from "../../admin/resource-kit.js";

export const templatesResources: ResourceFactory = (kit) => [
  kit.resource("Template", { navigation: kit.nav.templates, sort: { sortBy: "createdAt", direction: "desc" } }),
  kit.resource("TemplateVersion", { navigation: kit.nav.templates, sort: { sortBy: "createdAt", direction: "desc" } }),
  kit.resource("TemplateAbTest", { navigation: kit.nav.templates, sort: { sortBy: "createdAt", direction: "desc" } }),
];
