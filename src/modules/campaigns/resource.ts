import type { ResourceFactory } from "../../admin/resource-kit.js";
import { emailCampaignTable, emailSendTable, referralTable } from "./tables.js";

export const campaignsResources: ResourceFactory = (kit) => [
  kit.table(emailCampaignTable, {
    navigation: kit.nav.campaigns,
    properties: {
      name: { isTitle: true },
      subject: { isTitle: false },
      contentHtml: { props: { rows: 12 } },
      contentText: { props: { rows: 8 } },
    },
  }),
  kit.table(emailSendTable, { navigation: kit.nav.campaigns, properties: { email: { isTitle: true } } }),
  kit.table(referralTable, { navigation: kit.nav.campaigns, properties: { referralCode: { isTitle: true } } }),
];
