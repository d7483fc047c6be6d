import type { ResourceFactory } from "../../admin/resource-kit.js";

export const campaignsResources: ResourceFactory = (kit) => [
  kit.resource("EmailCampaign", { navigation: kit.nav.campaigns, sort: { sortBy: "createdAt", direction: "desc" } }),
  kit.resource("EmailSend", { navigation: kit.nav.campaigns, sort: { sortBy: "sentAt", direction: "desc" } }),
  kit.resource("Referral", { navigation: kit.nav.campaigns, sort: { sortBy: "createdAt", direction: "desc" } }),
];
