// REST /admin/api/v1/support (issue 17, item 7): the inbox, a ticket with its conversation, replies and
// notes, assignment, status and the metrics. The same service functions as the AdminJS screens; the
// canned replies and SLA policies have the generic table routes (/support/support_canned_replies...).
import { Router } from "express";
import { z } from "zod";
import type { Deps } from "../../deps.js";
import type { ApiOperation } from "../../http/openapi.js";
import { asyncRoute } from "../../http/bearer-auth.js";
import { parseBody, parseId } from "../../http/params.js";
import { METRIC_PERIODS } from "./rules/metrics.js";
import { assignTicket, inbox, INBOX_TABS, metrics, replyToTicket, setTicketStatus, ticketDetail } from "./service.js";

const BASE = "/support/tickets";

export const ZInboxQuery = z
  .object({
    tab: z.enum(INBOX_TABS).default("all"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    // Digits only: a coerced number would read an empty offset as 0.
    offset: z
      .string()
      .regex(/^\d{1,5}$/, "must be a whole number from 0 to 99999")
      .default("0"),
  })
  .strict();

export const ZReplyBody = z
  .object({
    body: z.string().min(1).max(50_000),
    internal: z.boolean().default(false),
    cannedReplyId: z.number().int().positive().nullable().optional(),
    status: z.enum(["open", "pending", "resolved"]).optional(),
  })
  .strict();

export const ZAssignBody = z.object({ assigneeId: z.number().int().positive().nullable() }).strict();
export const ZStatusBody = z.object({ status: z.enum(["open", "pending", "resolved", "closed"]) }).strict();
export const ZMetricsQuery = z
  .object({
    days: z.coerce
      .number()
      .int()
      .refine((d) => (METRIC_PERIODS as readonly number[]).includes(d), "7, 30 or 90")
      .default(30),
  })
  .strict();

const ZSla = z.object({
  firstResponse: z.enum(["met", "ok", "warning", "breached", "none"]),
  resolution: z.enum(["met", "ok", "warning", "breached", "none"]),
  tone: z.enum(["met", "ok", "warning", "breached", "none"]),
});
const ZTicketSummary = z.looseObject({
  id: z.number().int(),
  subject: z.string(),
  status: z.enum(["open", "pending", "resolved", "closed"]),
  priority: z.enum(["low", "normal", "high", "urgent"]),
  assigneeId: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  requesterEmail: z.string(),
  createdAt: z.string(),
  sla: ZSla,
});
const ZInbox = z.object({ tab: z.enum(INBOX_TABS), total: z.number().int(), tickets: z.array(ZTicketSummary) });
const ZTicketDetail = ZTicketSummary.extend({
  messages: z.array(
    z.looseObject({
      id: z.number().int(),
      kind: z.enum(["customer", "reply", "note"]),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  context: z.looseObject({
    otherTickets: z.array(z.looseObject({ id: z.number().int() })),
    sites: z.array(z.looseObject({ id: z.number().int() })),
  }),
});
const ZFigures = {
  tickets: z.number().int(),
  resolved: z.number().int(),
  firstResponseMedianMinutes: z.number().nullable(),
  firstResponseAverageMinutes: z.number().nullable(),
  resolutionMedianMinutes: z.number().nullable(),
  resolutionAverageMinutes: z.number().nullable(),
  csatAverage: z.number().nullable(),
  csatResponses: z.number().int(),
  csatSatisfiedPercent: z.number().nullable(),
};
const ZMetrics = z.object({
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  ...ZFigures,
  perAgent: z.array(z.object({ assigneeId: z.number().int().nullable(), ...ZFigures })),
  agents: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
const ZReplyResult = z.object({ ticket: ZTicketSummary.omit({ sla: true }), messageId: z.number().int() });

export function supportRoutes(deps: Deps): Router {
  const router = Router();
  router.get(
    BASE,
    asyncRoute(async (req, res) => {
      const q = parseBody(ZInboxQuery, req.query ?? {});
      res.json(await inbox(deps.prisma, q.tab, { limit: q.limit, offset: Number(q.offset) }));
    }),
  );
  router.get(
    `${BASE}/:id`,
    asyncRoute(async (req, res) => {
      res.json(await ticketDetail(deps.prisma, parseId(req.params.id, "ticket")));
    }),
  );
  router.post(
    `${BASE}/:id/messages`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "ticket");
      const body = parseBody(ZReplyBody, req.body);
      res.status(201).json(await replyToTicket(deps, id, body));
    }),
  );
  router.post(
    `${BASE}/:id/assign`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "ticket");
      res.json(await assignTicket(deps.prisma, id, parseBody(ZAssignBody, req.body).assigneeId));
    }),
  );
  router.post(
    `${BASE}/:id/status`,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "ticket");
      res.json(await setTicketStatus(deps.prisma, id, parseBody(ZStatusBody, req.body).status));
    }),
  );
  router.get(
    "/support/metrics",
    asyncRoute(async (req, res) => {
      res.json(await metrics(deps.prisma, parseBody(ZMetricsQuery, req.query ?? {}).days));
    }),
  );
  return router;
}

export const SUPPORT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: BASE,
    tag: "support",
    summary: "The ticket inbox: mine, unassigned, all or breached, newest first, with each ticket's SLA colour",
    permission: "support.view",
    query: ZInboxQuery,
    responses: { 200: { description: "One page of the tab", schema: { name: "SupportInbox", schema: ZInbox } } },
  },
  {
    method: "get",
    path: `${BASE}/{id}`,
    tag: "support",
    summary: "A ticket: its conversation, links (customer, site, AI request, invoice) and customer context",
    permission: "support.view",
    idType: "integer",
    responses: { 200: { description: "The ticket", schema: { name: "SupportTicketDetail", schema: ZTicketDetail } } },
  },
  {
    method: "post",
    path: `${BASE}/{id}/messages`,
    tag: "support",
    summary: "Reply to the requester by e-mail, in the thread (or leave an internal note)",
    permission: "support.reply",
    idType: "integer",
    body: { name: "SupportReply", schema: ZReplyBody },
    example: { body: "Bonjour, c'est corrigé.", cannedReplyId: 2, status: "resolved" },
    responses: {
      201: {
        description: "The message, and the ticket after it",
        schema: { name: "SupportReplyResult", schema: ZReplyResult },
      },
      409: { description: "The ticket is closed, or changed meanwhile" },
    },
  },
  {
    method: "post",
    path: `${BASE}/{id}/assign`,
    tag: "support",
    summary: "Assign the ticket to an agent who may reply, or unassign it (null)",
    permission: "support.reply",
    idType: "integer",
    body: { name: "SupportAssign", schema: ZAssignBody },
    example: { assigneeId: 3 },
    responses: {
      200: { description: "The ticket", record: "SupportTicket" },
      409: { description: "The ticket is no longer active or was reassigned meanwhile" },
    },
  },
  {
    method: "post",
    path: `${BASE}/{id}/status`,
    tag: "support",
    summary: "Move the ticket to open, pending, resolved or closed",
    permission: "support.reply",
    idType: "integer",
    body: { name: "SupportStatus", schema: ZStatusBody },
    example: { status: "resolved" },
    responses: {
      200: { description: "The ticket", record: "SupportTicket" },
      409: { description: "The transition does not exist, or the ticket changed meanwhile" },
    },
  },
  {
    method: "get",
    path: "/support/metrics",
    tag: "support",
    summary: "Support metrics over 7, 30 or 90 days: volume, first response and resolution times, CSAT, per agent",
    permission: "support.view",
    query: ZMetricsQuery,
    responses: { 200: { description: "The figures", schema: { name: "SupportMetrics", schema: ZMetrics } } },
  },
];
