// The support module's tables (issue 17, item 5). A ticket's status, assignee, SLA deadlines, escalation,
// first response and CSAT belong to the support workflow (service.ts): a generic edit writes only its
// subject and its links. Messages are written by the inbound e-mail and by replies, never by hand.
import { defineTable } from "../../db/table-spec.js";

export const supportTicketTable = defineTable({
  model: "SupportTicket",
  module: "support",
  actions: { new: null, edit: "reply", delete: "delete", bulkDelete: null },
  writable: {
    subject: { maxLength: 300 },
    customerId: {},
    siteId: {},
    aiRequestId: {},
    invoiceId: {},
  },
  workflow: [
    "status",
    "priority",
    "assigneeId",
    "assignedAt",
    "requesterEmail",
    "requesterName",
    "firstResponseDueAt",
    "resolutionDueAt",
    "firstResponseAt",
    "resolvedAt",
    "closedAt",
    "awaitingReplySince",
    "escalationLevel",
    "escalatedAt",
    "csatScore",
    "csatComment",
    "csatAt",
  ],
  list: ["id", "subject", "status", "priority", "assignee", "customer", "requesterEmail", "createdAt"],
  title: ["subject"],
  related: [{ table: "support_messages", via: "ticketId", limit: 10 }],
  filters: ["subject", "status", "priority", "assignee", "customer", "site", "requesterEmail", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const supportMessageTable = defineTable({
  model: "SupportMessage",
  module: "support",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "ticket", "kind", "author", "fromAddress", "createdAt"],
  title: ["ticket.subject", "createdAt"],
  related: [{ table: "support_attachments", via: "messageId" }],
  filters: ["ticket", "kind", "author", "fromAddress", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const supportAttachmentTable = defineTable({
  model: "SupportAttachment",
  module: "support",
  actions: { new: null, edit: null, delete: "delete", bulkDelete: null },
  writable: {},
  // The file itself stays on the server; its name, type and size are shown.
  secrets: ["content"],
  list: ["id", "message", "filename", "contentType", "sizeBytes", "createdAt"],
  title: ["filename"],
  filters: ["message", "filename", "contentType", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const supportCannedReplyTable = defineTable({
  model: "SupportCannedReply",
  module: "support",
  actions: { new: "reply", edit: "reply", delete: "delete", bulkDelete: null },
  writable: {
    title: { maxLength: 200 },
    body: { text: true, maxLength: 20000 },
    language: {},
  },
  author: "createdById",
  list: ["id", "title", "language", "createdBy", "updatedAt"],
  title: ["title"],
  filters: ["title", "language", "createdBy"],
  order: { by: "title", direction: "asc" },
});

// SLA targets decide escalations and reassignments: only an admin-level user (support.delete) sets them.
export const supportSlaPolicyTable = defineTable({
  model: "SupportSlaPolicy",
  module: "support",
  actions: { new: "delete", edit: "delete", delete: "delete", bulkDelete: null },
  writable: {
    priority: { createOnly: true },
    firstResponseMinutes: { min: 1, max: 525600 },
    resolutionMinutes: { min: 1, max: 525600 },
    reassignAfterMinutes: { min: 1, max: 525600 },
  },
  list: ["id", "priority", "firstResponseMinutes", "resolutionMinutes", "reassignAfterMinutes", "updatedAt"],
  title: ["priority"],
  filters: ["priority"],
  order: { by: "id", direction: "asc" },
});

/** The tables of the module, in menu order. */
export const supportTables = [
  supportTicketTable,
  supportMessageTable,
  supportCannedReplyTable,
  supportSlaPolicyTable,
  supportAttachmentTable,
];
