import { defineTable } from "../../db/table-spec.js";
import { segmentTable } from "./segments/tables.js";
import { campaignWrites } from "./content/service.js";

export const emailCampaignTable = defineTable({
  model: "EmailCampaign",
  author: "createdBy",
  module: "campaigns",
  actions: { edit: "create", sendNow: "send", pauseSending: "send", resumeSending: "send", cancelSending: "send" },
  // Content is checked (Liquid strict, MJML) and only a draft changes (content/service.ts).
  writes: (deps) => campaignWrites(deps.prisma),
  writable: {
    name: {},
    subject: {},
    contentHtml: { text: true },
    contentText: { text: true },
    subjectEn: {},
    contentHtmlEn: { text: true },
    contentTextEn: { text: true },
    segmentCriteria: { json: "object" },
    sendRate: { min: 1, max: 1000 },
    subjectB: {},
    subjectBEn: {},
    abSamplePercent: { min: 2, max: 50 },
    abWaitMinutes: { min: 1, max: 10_080 },
    abMetric: {},
  },
  // Moved by the sending actions only (sending/service.ts, batch.ts).
  workflow: ["status", "scheduledAt", "sentAt", "links", "abWinner", "abDecideAt"],
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
  workflow: [
    "status",
    "sentAt",
    "deliveredAt",
    "openedAt",
    "clickedAt",
    "errorMessage",
    "variant",
    "attempts",
    "nextAttemptAt",
  ],
  list: ["id", "campaign", "email", "customer", "status", "language", "sentAt", "openedAt", "clickedAt"],
  title: ["email", "campaign.name"],
  filters: ["campaign", "customer", "email", "status", "language", "variant", "sentAt", "openedAt", "clickedAt"],
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

/** The suppression list: written by unsubscribes and the provider's events; an admin may add or remove. */
export const emailSuppressionTable = defineTable({
  model: "EmailSuppression",
  module: "campaigns",
  actions: { new: "send", edit: null, delete: "delete", bulkDelete: null },
  writable: {
    email: { email: true, lowercase: true, createOnly: true },
    customerId: {},
    reason: {},
    source: { createOnly: true },
    campaignId: {},
  },
  list: ["id", "email", "customer", "reason", "source", "createdAt"],
  title: ["email"],
  filters: ["email", "customer", "reason", "source", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const emailClickTable = defineTable({
  model: "EmailClick",
  module: "campaigns",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "send", "linkIndex", "clickedAt"],
  title: ["id"],
  filters: ["send", "linkIndex", "clickedAt"],
  order: { by: "id", direction: "desc" },
});

export const emailEventTable = defineTable({
  model: "EmailEvent",
  module: "campaigns",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "eventId", "kind", "email", "sendId", "receivedAt"],
  title: ["eventId"],
  filters: ["eventId", "kind", "email", "receivedAt"],
  order: { by: "id", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const campaignsTables = [
  emailCampaignTable,
  emailSendTable,
  segmentTable,
  emailSuppressionTable,
  emailClickTable,
  emailEventTable,
  referralTable,
];
