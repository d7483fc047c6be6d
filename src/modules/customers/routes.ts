// REST /admin/api/v1/customers (issue 17, item 7): the list of what matters and the CSV export of a
// selection, the 360 view and its timeline, notes, tasks and direct e-mails. Thin: parse, call the
// service (which checks the permission), answer.
import { Router } from "express";
import { z } from "zod";
import { dateProblem, storable } from "../../lib/input-rules.js";
import type { Deps } from "../../deps.js";
import type { ApiOperation } from "../../http/openapi.js";
import { asyncRoute } from "../../http/bearer-auth.js";
import { MAX_ID, parseBody, parseId } from "../../http/params.js";
import { requirePermission } from "../auth/index.js";
import { customer360 } from "./customer-360.js";
import { customerList, exportCustomers, ZCustomerExport, ZCustomerListQuery } from "./customer-list.js";
import { addNote, editNote } from "./notes.js";
import { completeTask, createTask } from "./tasks.js";
import { sendDirectEmail } from "./send-direct-email.js";
import { customerStory, TIMELINE_MAX_LIMIT } from "./timeline.js";

const BASE = "/customers";

const ZTimelineQuery = z.strictObject({
  before: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: "Only events strictly before this instant (the `at` of the last event shown)" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(TIMELINE_MAX_LIMIT)
    .optional()
    .meta({ description: "Events per page (default 50)" }),
});
/** A date people set: within the era the portal stores (lib/input-rules). */
const zSetDate = z.iso.datetime({ offset: true }).superRefine((text, ctx) => {
  const problem = dateProblem(new Date(text));
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const zRowId = z.number().int().min(1).max(MAX_ID);

const ZNewNote = z.strictObject({
  body: z
    .string()
    .min(1)
    .max(10_000)
    .superRefine(storable)
    .meta({ description: "The note; @admin@address mentions an admin" }),
});
const ZNoteEdit = z.strictObject({
  body: z.string().min(1).max(10_000).superRefine(storable),
  expectedUpdatedAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .optional()
    .meta({ description: "The note's updatedAt as read (null if never edited): a 409 if it changed meanwhile" }),
});
const ZNewTask = z.strictObject({
  title: z.string().min(1).max(300).superRefine(storable),
  dueAt: zSetDate.nullable().optional(),
  ownerId: zRowId.nullable().optional().meta({ description: "The owning admin (default: the caller)" }),
});
const ZDirectEmail = z.strictObject({
  templateId: zRowId.meta({ description: "The customer_email_templates row to send" }),
});

const ZEvent = z.looseObject({ at: z.string(), module: z.string(), kind: z.string() });
const ZTimeline = z.object({ events: z.array(ZEvent) });
const ZHealth = z.looseObject({ score: z.number().int(), grade: z.enum(["healthy", "at_risk", "critical"]) });
const ZListRow = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  mrr: z.string(),
  sites: z.number().int(),
  openTickets: z.number().int(),
  lastActivityAt: z.string(),
  health: ZHealth,
});
const ZList = z.object({ rows: z.array(ZListRow), nextCursor: z.string().nullable() });
const ZView = z.looseObject({
  customer: z.looseObject({ id: z.number().int(), name: z.string() }),
  billing: z.object({
    mrr: z.string(),
    lifetimeValue: z.string(),
    overdue: z.object({ count: z.number().int(), amount: z.string() }),
  }),
  facts: z.looseObject({ health: ZHealth }),
  timeline: z.array(ZEvent),
});
const ZNote = z.looseObject({ id: z.number().int(), body: z.string(), mentions: z.array(z.number().int()) });
const ZTask = z.looseObject({ id: z.number().int(), title: z.string(), done: z.boolean() });
const ZSent = z.object({
  id: z.number().int(),
  emailLogId: z.number().int(),
  subject: z.string(),
  body: z.string(),
  language: z.enum(["fr", "en"]),
  toAddress: z.string(),
});

const date = (value: string | null | undefined) => (value ? new Date(value) : value === null ? null : undefined);

export function customerRoutes(deps: Deps): Router {
  const router = Router();
  router.get(
    `${BASE}/overview`,
    asyncRoute(async (req, res) => {
      res.json(await customerList(deps, parseBody(ZCustomerListQuery, req.query)));
    }),
  );
  router.post(
    `${BASE}/export`,
    asyncRoute(async (req, res) => {
      await exportCustomers(deps, parseBody(ZCustomerExport, req.body).ids, res);
    }),
  );
  router.get(
    `${BASE}/customers/:id/360`,
    asyncRoute(async (req, res) => {
      res.json(await customer360(deps, parseId(req.params.id, "customer")));
    }),
  );
  router.get(
    `${BASE}/customers/:id/timeline`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "customer");
      const query = parseBody(ZTimelineQuery, req.query);
      requirePermission("customers", "view");
      res.json({
        events: await customerStory(deps, id, { before: date(query.before) ?? undefined, limit: query.limit }),
      });
    }),
  );
  router.post(
    `${BASE}/customers/:id/notes`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "customer");
      res.status(201).json(await addNote(deps.prisma, id, parseBody(ZNewNote, req.body).body));
    }),
  );
  router.patch(
    `${BASE}/customer_notes/:id/edit`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "note");
      const body = parseBody(ZNoteEdit, req.body);
      res.json(await editNote(deps.prisma, id, body.body, date(body.expectedUpdatedAt)));
    }),
  );
  router.post(
    `${BASE}/customers/:id/tasks`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "customer");
      const body = parseBody(ZNewTask, req.body);
      res
        .status(201)
        .json(await createTask(deps.prisma, id, { title: body.title, dueAt: date(body.dueAt), ownerId: body.ownerId }));
    }),
  );
  router.post(
    `${BASE}/customer_tasks/:id/done`,
    asyncRoute(async (req, res) => {
      res.json(await completeTask(deps.prisma, parseId(req.params.id, "task")));
    }),
  );
  router.post(
    `${BASE}/customers/:id/emails`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "customer");
      res.status(202).json(await sendDirectEmail(deps, id, parseBody(ZDirectEmail, req.body).templateId));
    }),
  );
  return router;
}

const TAG = "customers";

export const CUSTOMER_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${BASE}/overview`,
    tag: TAG,
    summary: "Customers with plan, MRR, sites, open tickets, last activity and health, newest first",
    permission: "customers.view",
    query: ZCustomerListQuery,
    responses: { 200: { description: "One page of customers", schema: { name: "CustomerOverview", schema: ZList } } },
  },
  {
    method: "post",
    path: `${BASE}/export`,
    tag: TAG,
    summary: "The selected customers as a CSV file",
    permission: "customers.export",
    body: { name: "CustomerExport", schema: ZCustomerExport },
    example: { ids: [1, 2, 3] },
    responses: {
      200: { description: "CSV (UTF-8 with BOM), one line per selected customer", contentType: "text/csv" },
    },
  },
  {
    method: "get",
    path: `${BASE}/customers/{id}/360`,
    tag: TAG,
    summary: "Everything about one customer: identity, plan, sites, billing summary, health, notes, tasks, timeline",
    permission: "customers.view",
    idType: "integer",
    responses: { 200: { description: "The customer's 360 view", schema: { name: "Customer360", schema: ZView } } },
  },
  {
    method: "get",
    path: `${BASE}/customers/{id}/timeline`,
    tag: TAG,
    summary: "The customer's story from every module, newest first",
    permission: "customers.view",
    idType: "integer",
    query: ZTimelineQuery,
    responses: {
      200: { description: "Events, newest first", schema: { name: "CustomerTimeline", schema: ZTimeline } },
    },
  },
  {
    method: "post",
    path: `${BASE}/customers/{id}/notes`,
    tag: TAG,
    summary: "Add an internal note; @admin@address mentions an admin",
    permission: "customers.edit",
    idType: "integer",
    body: { name: "NewCustomerNote", schema: ZNewNote },
    example: { body: "Called about the renewal, cc @claire@locod-ai.fr" },
    responses: { 201: { description: "The note", schema: { name: "CustomerNoteView", schema: ZNote } } },
  },
  {
    method: "patch",
    path: `${BASE}/customer_notes/{id}/edit`,
    tag: TAG,
    summary: "Edit a note; its previous text is kept in its history",
    permission: "customers.edit",
    idType: "integer",
    body: { name: "CustomerNoteEdit", schema: ZNoteEdit },
    example: { body: "Renewal agreed", expectedUpdatedAt: null },
    responses: {
      200: { description: "The note with its history", schema: { name: "CustomerNoteView", schema: ZNote } },
      409: { description: "The note was edited by someone else meanwhile" },
    },
  },
  {
    method: "post",
    path: `${BASE}/customers/{id}/tasks`,
    tag: TAG,
    summary: "Add a follow-up task with a due date and an owner",
    permission: "customers.edit",
    idType: "integer",
    body: { name: "NewCustomerTask", schema: ZNewTask },
    example: { title: "Call back about the Pro plan", dueAt: "2026-12-10T09:00:00Z" },
    responses: { 201: { description: "The task", schema: { name: "CustomerTaskView", schema: ZTask } } },
  },
  {
    method: "post",
    path: `${BASE}/customer_tasks/{id}/done`,
    tag: TAG,
    summary: "Mark a follow-up task done",
    permission: "customers.edit",
    idType: "integer",
    responses: {
      200: { description: "The task, done", schema: { name: "CustomerTaskView", schema: ZTask } },
      409: { description: "The task is already done" },
    },
  },
  {
    method: "post",
    path: `${BASE}/customers/{id}/emails`,
    tag: TAG,
    summary: "E-mail the customer from a reusable template, in their language, through the outbox",
    permission: "customers.edit",
    idType: "integer",
    body: { name: "CustomerDirectEmail", schema: ZDirectEmail },
    example: { templateId: 1 },
    responses: {
      202: {
        description: "The e-mail as rendered, queued for sending",
        schema: { name: "CustomerEmailSent", schema: ZSent },
      },
    },
  },
];
