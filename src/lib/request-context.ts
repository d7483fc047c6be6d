// Who is acting, from where: set once per request (or job) and read wherever a rule or the audit trail
// needs it, without threading it through AdminJS, which does not pass the request to resources.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "../modules/auth/permissions.js";

/** The acting admin as the database says now (role, permissions and status are never taken from a cookie). */
export interface CurrentAdmin {
  id: number;
  email: string;
  name: string;
  role: Role;
  permissions: string[] | null;
  status: "active" | "disabled";
  /** The back-office's language for this admin (admin_users.language). */
  language?: "fr" | "en";
}

export interface RequestContext {
  admin: CurrentAdmin | null;
  ip: string | null;
  userAgent: string | null;
  /** How the change arrived: the admin UI, the REST API, a webhook, a job. */
  via: "admin" | "api" | "webhook" | "job" | "cli";
  /** Before login: the language this browser last chose for the back-office (its cookie). */
  language?: "fr" | "en";
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Sets the admin of the running request once it is known (after the session or token is checked). */
export function setContextAdmin(admin: CurrentAdmin | null): void {
  const store = storage.getStore();
  if (store) store.admin = admin;
}
