// The customers module's part of a customer's story (the 360 timeline): the signup, internal notes,
// follow-up tasks (created and done) and direct e-mails. Each query reads one customer's rows through
// an index on customer_id, newest first, at most range.limit.
import type { CustomerTimelineEvent, TimelineRange } from "../../module.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { mergeTimelines } from "./rules/timeline.js";

const MODULE = "customers";

export async function customersTimeline(
  deps: Pick<Deps, "prisma">,
  customerId: number,
  range: TimelineRange,
): Promise<CustomerTimelineEvent[]> {
  const { prisma } = deps;
  const lt = range.before ? { lt: range.before } : undefined;
  const take = range.limit;
  const [customer, notes, tasks, done, emails] = await Promise.all([
    prisma.customer.findUnique({ where: { id: customerId }, select: { createdAt: true, email: true } }),
    prisma.customerNote.findMany({
      where: { customerId, createdAt: lt },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, createdAt: true, author: { select: { name: true } } },
    }),
    prisma.customerTask.findMany({
      where: { customerId, createdAt: lt },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, createdAt: true, title: true },
    }),
    prisma.customerTask.findMany({
      where: { customerId, doneAt: { not: null, ...lt } },
      orderBy: [{ doneAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, doneAt: true, title: true },
    }),
    prisma.customerEmail.findMany({
      where: { customerId, createdAt: lt },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, createdAt: true, subject: true },
    }),
  ]);
  const events: CustomerTimelineEvent[] = [];
  if (customer && (!range.before || customer.createdAt < range.before)) {
    events.push({
      at: customer.createdAt.toISOString(),
      module: MODULE,
      kind: "signup",
      label: customer.email,
      record: { resource: "customers", id: customerId },
    });
  }
  for (const note of notes)
    events.push({
      at: note.createdAt.toISOString(),
      module: MODULE,
      kind: "note",
      label: note.author?.name,
      record: { resource: "customer_notes", id: note.id },
    });
  for (const task of tasks)
    events.push({
      at: task.createdAt.toISOString(),
      module: MODULE,
      kind: "task_created",
      label: task.title,
      record: { resource: "customer_tasks", id: task.id },
    });
  for (const task of done)
    events.push({
      at: task.doneAt!.toISOString(),
      module: MODULE,
      kind: "task_done",
      label: task.title,
      record: { resource: "customer_tasks", id: task.id },
    });
  for (const email of emails)
    events.push({
      at: email.createdAt.toISOString(),
      module: MODULE,
      kind: "direct_email",
      label: email.subject,
      record: { resource: "customer_emails", id: email.id },
    });
  return events;
}

export const TIMELINE_DEFAULT_LIMIT = 50;
export const TIMELINE_MAX_LIMIT = 200;

/**
 * One customer's whole story, newest first: every module's events (the modules the app serves,
 * deps.timelineTellers), merged. `before` pages back: pass the `at` of the last event shown.
 */
export async function customerStory(
  deps: Deps,
  customerId: number,
  range: { before?: Date; limit?: number } = {},
): Promise<CustomerTimelineEvent[]> {
  const tellers = deps.timelineTellers;
  if (!tellers) throw new AppError("internal", "The app did not give the modules that tell a customer's story");
  const limit = Math.min(Math.max(range.limit ?? TIMELINE_DEFAULT_LIMIT, 1), TIMELINE_MAX_LIMIT);
  const sources = tellers.flatMap((module) => (module.customerTimeline ? [module.customerTimeline] : []));
  const lists = await Promise.all(sources.map((tell) => tell(deps, customerId, { before: range.before, limit })));
  return mergeTimelines(lists, limit);
}
