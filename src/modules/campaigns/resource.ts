import type { ResourceFactory } from "../../admin/resource-kit.js";

export const campaignsResources: ResourceFactory = (kit) => [
  kit.resource(
    "EmailCampaign",
    {
      listProperties: ["id", "name", "subject", "status", "scheduledAt", "sentAt", "author", "createdAt"],
      filterProperties: ["name", "subject", "status", "scheduledAt", "sentAt", "author", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
        subject: { isTitle: false },
        contentHtml: { ...kit.text(), props: { rows: 12 } },
        contentText: { ...kit.text(), props: { rows: 8 } },
        segmentCriteria: kit.json("object"),
        // Set by the sending job.
        sentAt: kit.readOnly(),
      },
    },
    { access: { module: "campaigns", actions: { edit: "create" } }, author: "author" },
  ),
  kit.resource(
    "EmailSend",
    {
      listProperties: ["id", "campaign", "email", "customer", "status", "sentAt", "openedAt", "clickedAt"],
      filterProperties: ["campaign", "customer", "email", "status", "sentAt", "openedAt", "clickedAt"],
      // Not sent_at: pending sends have none, and PostgreSQL sorts NULLs first when descending.
      sort: { sortBy: "id", direction: "desc" },
      properties: {
        email: { ...kit.email(), isTitle: true },
        // Delivery and tracking times come from the mailer and the tracking endpoints.
        sentAt: kit.readOnly(),
        deliveredAt: kit.readOnly(),
        openedAt: kit.readOnly(),
        clickedAt: kit.readOnly(),
        errorMessage: kit.text(),
      },
    },
    { access: { module: "campaigns", actions: { new: null, edit: null } } },
  ),
  kit.resource(
    "Referral",
    {
      listProperties: [
        "id",
        "referralCode",
        "referrer",
        "referred",
        "rewardType",
        "rewardAmount",
        "status",
        "createdAt",
      ],
      filterProperties: [
        "referralCode",
        "referrer",
        "referred",
        "rewardType",
        "status",
        "earnedAt",
        "paidAt",
        "createdAt",
      ],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        referralCode: { isTitle: true },
        rewardAmount: kit.money(),
      },
    },
    {
      access: { module: "campaigns", actions: { edit: "create" } },
      constraints: { referral_program_distinct_customers_check: { path: "referred", message: "referralSelf" } },
    },
  ),
];
