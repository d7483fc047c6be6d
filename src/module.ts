// The module contract: a module declares itself once, in src/modules/<module>/module.ts, and takes one
// line in src/modules.ts. The app, AdminJS, the REST router, OpenAPI, the worker, the locales and the
// navigation iterate that list; nothing central names a module.
import type { Router } from "express";
import type { JobDefinition, Schedule } from "./queues/define-job.js";
import type { EmailRenderers } from "./lib/email/renderers.js";

/** [French, English] */
export type Words = readonly [fr: string, en: string];

/** How AdminJS names one table's resource and its properties (src/admin/locale.ts assembles them). */
export interface ResourceWords {
  label: Words;
  /** Properties worded as in the shared vocabulary (COMMON in src/admin/locale.ts). */
  common?: string[];
  properties?: Record<string, Words>;
}

/** A module's words, French and English side by side. */
export interface ModuleLocale {
  /** By resource id (the table name). */
  resources?: Record<string, ResourceWords>;
  /** By Prisma enum name, then value. */
  enums?: Record<string, Record<string, Words>>;
  /** messages.<key>: notices, page texts, field errors. */
  messages?: Record<string, Words>;
  /** actions.<name>: custom action buttons. */
  actions?: Record<string, Words>;
  /** pages.<name>: custom pages in the sidebar. */
  pages?: Record<string, Words>;
}

export interface ModuleDefinition {
  /** The folder, the REST path segment and the navigation group's key: "ai-queue", "billing". */
  name: string;
  /** Its jobs (src/modules/<module>/jobs.ts); the job registry refuses a queue and name declared twice. */
  jobs?: JobDefinition[];
  /** Its repeatable jobs, each one of its jobs. */
  schedules?: Schedule[];
  /** The email_log templates it owns and their renderers, for the e-mail outbox (src/lib/email). */
  emailRenderers?: EmailRenderers;
  locale?: ModuleLocale;
  /** Routes under /webhooks (signed on the raw body; no session). */
  webhooks?: () => Router;
}

export function defineModule<M extends ModuleDefinition>(module: M): M {
  return module;
}
