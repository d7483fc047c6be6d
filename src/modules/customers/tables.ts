import { defineTable } from "../../db/table-spec.js";

export const customerTable = defineTable({
  model: "Customer",
  module: "customers",
  writable: {
    email: { email: true },
    name: {},
    planType: {},
    status: {},
    language: {},
  },
  list: ["id", "name", "email", "planType", "status", "createdAt"],
  title: ["name"],
  related: [
    { table: "sites", via: "customerId" },
    { table: "customer_subscriptions", via: "customerId" },
    { table: "invoices", via: "customerId" },
    { table: "ai_requests", via: "customerId" },
    { table: "customer_notes", via: "customerId" },
    { table: "customer_tasks", via: "customerId" },
    { table: "customer_emails", via: "customerId" },
  ],
  filters: ["name", "email", "planType", "status", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

// Notes, tasks and direct e-mails are written by their services (mentions, edit history, conditional
// "done", the outbox), from the 360 page and REST: the generic forms only read them (and delete, for
// customers.delete).
const READ_AND_DELETE = { new: null, edit: null } as const;
const READ_ONLY = { new: null, edit: null, delete: null, bulkDelete: null } as const;

export const customerNoteTable = defineTable({
  model: "CustomerNote",
  module: "customers",
  actions: READ_AND_DELETE,
  writable: {},
  workflow: ["body", "authorId", "updatedAt"],
  list: ["id", "customer", "author", "body", "createdAt", "updatedAt"],
  title: ["customer.name", "createdAt"],
  related: [{ table: "customer_note_revisions", via: "noteId" }],
  filters: ["customer", "author", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const customerNoteRevisionTable = defineTable({
  model: "CustomerNoteRevision",
  module: "customers",
  actions: READ_ONLY,
  writable: {},
  list: ["id", "note", "editedBy", "editedAt"],
  title: ["editedAt"],
  filters: ["note", "editedBy", "editedAt"],
  order: { by: "editedAt", direction: "desc" },
});

export const customerTaskTable = defineTable({
  model: "CustomerTask",
  module: "customers",
  actions: READ_AND_DELETE,
  writable: {},
  workflow: ["title", "dueAt", "ownerId", "done", "doneAt", "createdById"],
  list: ["id", "customer", "title", "dueAt", "owner", "done", "createdAt"],
  title: ["title"],
  filters: ["customer", "owner", "done", "dueAt", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const customerEmailTemplateTable = defineTable({
  model: "CustomerEmailTemplate",
  module: "customers",
  writable: {
    name: { maxLength: 200 },
    subjectFr: { maxLength: 300 },
    bodyFr: { text: true, maxLength: 20_000 },
    subjectEn: { maxLength: 300 },
    bodyEn: { text: true, maxLength: 20_000 },
  },
  list: ["id", "name", "subjectFr", "subjectEn", "createdAt"],
  title: ["name"],
  filters: ["name", "createdAt"],
  order: { by: "name", direction: "asc" },
});

export const customerEmailTable = defineTable({
  model: "CustomerEmail",
  module: "customers",
  actions: READ_ONLY,
  writable: {},
  list: ["id", "customer", "subject", "template", "sentBy", "createdAt"],
  title: ["subject"],
  filters: ["customer", "template", "sentBy", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const customersTables = [
  customerTable,
  customerNoteTable,
  customerTaskTable,
  customerEmailTemplateTable,
  customerEmailTable,
  customerNoteRevisionTable,
];
