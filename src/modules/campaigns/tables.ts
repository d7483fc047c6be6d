import { defineTable } from "../../db/table-spec.js";
import { segmentTable } from "./segments/tables.js";

export const emailCampaignTable = defineTable({
  model: "EmailCampaign",
  author: "createdBy",
  module: "campaigns",
  actions: { edit: "create" },
  writable: {
    name: {},
    subject: {},
    contentHtml: { text: true },
    contentText: { text: true },
    segmentCriteria: { json: "object" },
    scheduledAt: {},
  },
  workflow: ["status", "sentAt"],
  list: ["id", "name", "subject", "status", "scheduledAt", "sentAt", "author", "createdAt"],
  title: ["name"],
  filters: ["name", "subject", "status", "scheduledAt", "sentAt", "author", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const emailSendTable = defineTable({
  model: "EmailSend",
  module: "campaigns",
  actions: { new: null, edit: null },
  writable: {},
  list: ["id", "campaign", "email", "customer", "status", "sentAt", "openedAt", "clickedAt"],
  title: ["email", "campaign.name"],
  filters: ["campaign", "customer", "email", "status", "sentAt", "openedAt", "clickedAt"],
  order: { by: "id", direction: "desc" },
});

export const referralTable = defineTable({
  model: "Referral",
  module: "campaigns",
  actions: { edit: "create" },
  writable: {
    referrerId: {},
    referredId: {},
    referralCode: {},
    rewardType: {},
    rewardAmount: {},
    status: {},
    earnedAt: {},
    paidAt: {},
  },
  list: ["id", "referralCode", "referrer", "referred", "rewardType", "rewardAmount", "status", "createdAt"],
  title: ["referralCode"],
  filters: ["referralCode", "referrer", "referred", "rewardType", "status", "earnedAt", "paidAt", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
  constraints: {
    referral_program_distinct_customers_check: {
      field: "referredId",
      message: "referralSelf",
      text: "a customer cannot refer themselves",
    },
  },
});

/** The tables of the module, in menu order. */
export const campaignsTables = [emailCampaignTable, emailSendTable, segmentTable, referralTable];
