// The job registry, without Redis: what the modules declare, what it refuses when built, and how a job
// runs by its definition.
import { UnrecoverableError, type Job } from "bullmq";
import { z } from "zod";
import type { ModuleDefinition } from "../module.js";
import { defineJob, scheduleJob } from "./define-job.js";
import type { JobDeps } from "./queues.js";
import { buildJobRegistry, portalRegistry } from "./registry.js";

const deps = { prisma: {}, log: {}, config: {}, queues: {} } as unknown as JobDeps;
const job = (name: string, data: unknown) => ({ name, data }) as unknown as Job;

const ping = defineJob({
  queue: "maintenance",
  name: "ping",
  schema: z.object({ n: z.number() }),
  handler: async (data, jobDeps) => ({ n: data.n + 1, renderers: Object.keys(jobDeps.emailRenderers ?? {}) }),
});

describe("buildJobRegistry", () => {
  it("collects the portal's jobs and schedules, with their queues, names and cron patterns", () => {
    const registry = portalRegistry();
    const names = Object.fromEntries(
      Object.entries(registry.jobs).map(([queue, jobs]) => [queue, [...jobs.keys()].sort()]),
    );
    expect(names).toEqual({
      maintenance: [
        "incident-alerts",
        "metrics-snapshot",
        "monitoring-raw-retention",
        "monitoring-uptime-rollup",
        "monthly-invoicing",
        "purge-expired-sessions",
        "renew-subscriptions",
        "site-analytics-rollup",
        "site-config-daily-backup",
        "support-sla",
        "template-ab-rollup",
      ],
      mail: ["campaign-batch", "campaign-start-due", "password-reset", "send", "send-email-log", "sweep-email-log"],
      ai: ["generate-draft"],
      billing: ["push-invoice", "stripe-event", "sweep-stripe"],
      monitoring: ["check-round"],
    });
    expect([...registry.schedules].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { queue: "mail", name: "campaign-start-due", pattern: "* * * * *" },
      { queue: "monitoring", name: "check-round", pattern: "*/30 * * * * *" },
      { queue: "maintenance", name: "incident-alerts", pattern: "* * * * *" },
      { queue: "maintenance", name: "metrics-snapshot", pattern: "5 0 * * *" },
      { queue: "maintenance", name: "monitoring-raw-retention", pattern: "20 0 * * *" },
      { queue: "maintenance", name: "monitoring-uptime-rollup", pattern: "5 * * * *" },
      { queue: "maintenance", name: "monthly-invoicing", pattern: "0 1 1 * *" },
      { queue: "maintenance", name: "purge-expired-sessions", pattern: "17 * * * *" },
      { queue: "maintenance", name: "renew-subscriptions", pattern: "5 * * * *" },
      { queue: "maintenance", name: "site-analytics-rollup", pattern: "7 * * * *" },
      { queue: "maintenance", name: "site-config-daily-backup", pattern: "30 2 * * *" },
      { queue: "maintenance", name: "support-sla", pattern: "*/5 * * * *" },
      { queue: "mail", name: "sweep-email-log", pattern: "*/5 * * * *" },
      { queue: "billing", name: "sweep-stripe", pattern: "*/10 * * * *" },
      { queue: "maintenance", name: "template-ab-rollup", pattern: "*/10 * * * *" },
    ]);
  });

  it("collects the e-mail renderers of the templates the modules record", () => {
    expect(Object.keys(portalRegistry().emailRenderers).sort()).toEqual([
      "ai_request.completed",
      "ai_request.in_progress",
      "ai_request.received",
      "ai_request.rejected",
      "customers.direct",
      "invoice.reminder",
      "monitoring.customer_notice",
      "monitoring.incident_alert",
      "support.reply",
    ]);
  });

  it("refuses a queue and job name declared twice", () => {
    const modules: ModuleDefinition[] = [
      { name: "a", jobs: [ping] },
      { name: "b", jobs: [{ ...ping }] },
    ];
    expect(() => buildJobRegistry(modules)).toThrow('Job "ping" on queue "maintenance" is declared twice: by a and b');
  });

  it("accepts one job name on two queues", () => {
    expect(() => buildJobRegistry([{ name: "a", jobs: [ping, { ...ping, queue: "mail" }] }])).not.toThrow();
  });

  it("refuses a schedule of a job no module declares, and a job scheduled twice", () => {
    expect(() => buildJobRegistry([{ name: "a", schedules: [scheduleJob(ping, "* * * * *")] }])).toThrow(
      'a schedules "ping" on queue "maintenance", which no module declares',
    );
    const twice = [scheduleJob(ping, "* * * * *"), scheduleJob(ping, "0 * * * *")];
    expect(() => buildJobRegistry([{ name: "a", jobs: [ping], schedules: twice }])).toThrow("scheduled twice");
  });

  it("refuses an e-mail template rendered by two modules", () => {
    const render = async () => ({ reason: "none" });
    const modules: ModuleDefinition[] = [
      { name: "a", emailRenderers: { "x.y": render } },
      { name: "b", emailRenderers: { "x.y": render } },
    ];
    expect(() => buildJobRegistry(modules)).toThrow('E-mail template "x.y" is rendered by two modules: a and b');
  });

  it("runs a job with its parsed data and the modules' e-mail renderers", async () => {
    const registry = buildJobRegistry([
      { name: "a", jobs: [ping], emailRenderers: { "x.y": async () => ({ reason: "none" }) } },
    ]);
    await expect(registry.run("maintenance", job("ping", { n: 1, extra: true }), deps)).resolves.toEqual({
      n: 2,
      renderers: ["x.y"],
    });
  });

  it("fails a job no module declares", async () => {
    const registry = buildJobRegistry([{ name: "a", jobs: [ping] }]);
    await expect(registry.run("mail", job("ping", { n: 1 }), deps)).rejects.toThrow(
      'No processor for job "ping" on queue "mail"',
    );
    await expect(registry.run("maintenance", job("pong", {}), deps)).rejects.toThrow(
      'No processor for job "pong" on queue "maintenance"',
    );
  });

  it("fails a job whose data does not parse for good, without running it", async () => {
    let calls = 0;
    const counted = defineJob({ ...ping, handler: async () => ++calls });
    const registry = buildJobRegistry([{ name: "a", jobs: [counted] }]);
    const run = registry.run("maintenance", job("ping", { n: "one" }), deps);
    await expect(run).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run).rejects.toThrow('Job "ping" on queue "maintenance" has invalid data: n:');
    expect(calls).toBe(0);
  });
});
