import type { ResourceFactory } from "../../admin/resource-kit.js";

export const settingsResources: ResourceFactory = (kit) => [
  kit.resource("AdminUser", {
    navigation: kit.nav.settings,
    sort: { sortBy: "createdAt", direction: "desc" },
    properties: { passwordHash: { isVisible: false } },
  }),
  kit.resource("AdminSession", { navigation: kit.nav.settings, sort: { sortBy: "createdAt", direction: "desc" } }),
  kit.resource("AdminActivityLog", { navigation: kit.nav.settings, sort: { sortBy: "createdAt", direction: "desc" } }),
];
