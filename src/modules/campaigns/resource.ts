import type { ResourceFactory } from "../../admin/resource-kit.js";
import { emailCampaignTable, emailSendTable, referralTable } from "./tables.js";
import { segmentTable } from "./segments/tables.js";

export const campaignsResources: ResourceFactory = (kit) => [
  kit.table(emailCampaignTable, {
    properties: {
      name: { isTitle: true },
      subject: { isTitle: false },
      contentHtml: { props: { rows: 12 } },
      contentText: { props: { rows: 8 } },
    },
  }),
  kit.table(emailSendTable, { properties: { email: { isTitle: true } } }),
  kit.table(segmentTable, { properties: { description: { props: { rows: 3 } }, criteria: { props: { rows: 10 } } } }),
  kit.table(referralTable, { properties: { referralCode: { isTitle: true } } }),
];
