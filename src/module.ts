// The module contract: a module declares itself once, in src/modules/<module>/module.ts, and takes one
// line in src/modules.ts. The app, AdminJS, the REST router, OpenAPI, the worker, the locales and the
// navigation iterate that list; nothing central names a module.
import type { Router } from "express";
import type { ResourceWithOptions } from "adminjs";
import type { JobDefinition, Schedule } from "./queues/define-job.js";
import type { Deps } from "./deps.js";
import type { ResourceKit } from "./admin/resource-kit.js";
import type { ApiOperation } from "./http/openapi.js";
import type { Components } from "./admin/components.js";
import type { TableSpec } from "./db/table-spec.js";
import type { EmailRenderers } from "./lib/email/renderers.js";
import type { CustomerTimelineEvent, TimelineRange } from "./lib/customer-timeline.js";

// The timeline's types live in src/lib so that Deps can name them without importing this file.
export type { CustomerTimelineEvent, TimelineRange } from "./lib/customer-timeline.js";

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

/** REST routes under /admin/api/v1 and the OpenAPI operations that describe them. */
export interface ModuleApi {
  routes: (deps: Deps) => Router;
  operations: ApiOperation[];
}

/** The query of an AdminJS page or dashboard request (the rest of AdminJS's request is not read). */
export interface PageRequest {
  query?: Record<string, unknown>;
}

/** What an AdminJS page or the dashboard answers its component with. */
export type PageHandler = (deps: Deps, request: PageRequest) => Promise<unknown>;

/** An AdminJS custom page in the sidebar. */
export interface ModulePage {
  /** The component's name in src/admin/components.ts. */
  component: keyof Omit<Components, "loader">;
  icon: string;
  handler: PageHandler;
}

export interface ModuleDefinition {
  /** The folder, the REST path segment and the navigation group's key: "ai-queue", "billing". */
  name: string;
  /** The module's tables (tables.ts): each gets an AdminJS resource and REST CRUD routes. */
  tables?: readonly TableSpec[];
  /** Its jobs (src/modules/<module>/jobs.ts); the job registry refuses a queue and name declared twice. */
  jobs?: JobDefinition[];
  /** Its repeatable jobs, each one of its jobs. */
  schedules?: Schedule[];
  /** The email_log templates it owns and their renderers, for the e-mail outbox (src/lib/email). */
  emailRenderers?: EmailRenderers;
  locale?: ModuleLocale;
  /** The permission module (src/modules/auth/permissions.ts) where it differs from `name`: "ai_queue". */
  permissionModule?: string;
  /**
   * The AdminJS sidebar group of the module's resources: AdminJS shows the French name and the
   * translations word it per language.
   */
  navigation?: { name: Words; icon: string };
  /** The module's AdminJS resources, in sidebar order. */
  resources?: (kit: ResourceKit) => ResourceWithOptions[];
  /** REST routes mounted before the bearer guard (the login), with their OpenAPI operations. */
  publicApi?: ModuleApi;
  /**
   * REST routes behind the bearer guard, in mount order. They mount before the generic table routes,
   * so a path such as /billing/invoices/:id/pdf is not taken for a row.
   */
  api?: ModuleApi[];
  /** Routes under /admin behind the session (downloads, account pages); AdminJS's router comes after. */
  adminRoutes?: (deps: Deps) => Router;
  /**
   * Routes at the portal's root for browsers on customers' sites (/collect.js, POST /collect): public,
   * any origin, no session, no cookie; mounted first (before helmet, the request log and the session),
   * so they set their own headers. Their operations name their `server` ("/"), not /admin/api/v1.
   */
  rootRoutes?: ModuleApi;
  /** Routes under /webhooks (signed on the raw body; no session). */
  webhooks?: (deps: Deps) => Router;
  /** AdminJS custom pages, by page name (pages.<name> in the locale). */
  pages?: Record<string, ModulePage>;
  /**
   * The module's events in one customer's story (customers 360 timeline), newest first, within `range`.
   * The customers module merges every module's events; a module tells only what its own tables hold.
   */
  customerTimeline?: (deps: Deps, customerId: number, range: TimelineRange) => Promise<CustomerTimelineEvent[]>;
  /** The AdminJS dashboard's handler; at most one module provides it. */
  dashboard?: PageHandler;
}

export function defineModule<M extends ModuleDefinition>(module: M): M {
  return module;
}
