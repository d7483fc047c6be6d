// Which pages the walk opens for one role, derived from the module registry (the resources and custom
// pages AdminJS is built from) and the permission matrix (can() and each action's permission): every
// page the role may open, and the pages it may not, each with the 403s it expects.
import { can, type PermissionModule, type Role } from "../../../src/modules/auth/permissions.js";

export const ROLES: readonly Role[] = ["super_admin", "admin", "editor", "viewer"];
export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** One action of a resource as AdminJS declares it. */
export interface ActionInfo {
  name: string;
  type: "resource" | "record" | "bulk";
  /** The permission it needs (src/admin/access.ts permissionFor), null when nobody may run it. */
  permission: string | null;
  /** Whether opening it shows a page (a component); an action without one runs on click. */
  hasComponent: boolean;
}

export interface ResourceInfo {
  id: string;
  module: PermissionModule;
  actions: ActionInfo[];
  /** The first record's id (lowest id), when the table has one. */
  firstRecordId?: string;
}

/** A custom page of a module (AdminJS `pages`): it needs its module's `view`. */
export interface CustomPageInfo {
  name: string;
  module: PermissionModule;
}

export type PageKind = "dashboard" | "page" | "list" | "show" | "edit" | "new" | "action" | "account" | "forbidden";

export interface WalkPage {
  /** A short unique name: the report's and the screenshot's. */
  key: string;
  kind: PageKind;
  /** Path below the portal's origin. */
  path: string;
  /** Whether AdminJS's single-page app renders it (it can be reached without reloading the document). */
  spa: boolean;
  /** Paths (or path prefixes ending in "*") the page may see answered 403: what the role may not do. */
  expected403: string[];
  /** The resource it belongs to, if any (for the report and the vocabulary). */
  resource?: string;
}

/** The logged-in menu's entries (components/LoggedIn.tsx), pages of the portal outside AdminJS's app. */
export const ACCOUNT_PAGES = ["/admin/account/password"];

/** Built-in actions that are not pages of their own (they run from a list or a record page). */
const NOT_PAGES = new Set(["list", "show", "search", "delete", "bulkDelete"]);

const allowed = (role: Role, module: PermissionModule, permission: string | null) =>
  permission !== null && can({ role }, module, permission as never);

const actionOf = (resource: ResourceInfo, name: string) => resource.actions.find((a) => a.name === name);

/** The resource's AdminJS API paths an action calls, as a 403 the page expects when the role may not. */
function apiPrefix(resourceId: string): string {
  return `/admin/api/resources/${resourceId}/*`;
}

/**
 * Every page `role` may open: the dashboard, each custom page of a module it may view, each list it may
 * open, the first record's page, its edit form, the new form and every resource action with a page.
 * `offered(resource)` names the record actions with a page AdminJS offers on the first record (a
 * record's state decides some, e.g. a refund only on a paid invoice); they are walked when the matrix
 * allows them too.
 */
export function allowedPages(
  role: Role,
  resources: readonly ResourceInfo[],
  pages: readonly CustomPageInfo[],
  offered: (resource: ResourceInfo) => readonly string[] = () => [],
): WalkPage[] {
  const walk: WalkPage[] = [
    { key: "dashboard", kind: "dashboard", path: "/admin", spa: true, expected403: [] },
    ...ACCOUNT_PAGES.map((path) => ({
      key: `account-${path.split("/").pop()}`,
      kind: "account" as const,
      path,
      spa: false,
      expected403: [],
    })),
  ];
  for (const page of pages) {
    if (!allowed(role, page.module, "view")) continue;
    walk.push({
      key: `page-${page.name}`,
      kind: "page",
      path: `/admin/pages/${page.name}`,
      spa: true,
      expected403: [],
    });
  }
  for (const resource of resources) {
    const may = (name: string) => {
      const action = actionOf(resource, name);
      return action !== undefined && allowed(role, resource.module, action.permission);
    };
    const base = `/admin/resources/${resource.id}`;
    const page = (key: string, kind: PageKind, path: string): WalkPage => ({
      key: `${resource.id}-${key}`,
      kind,
      path,
      spa: true,
      expected403: [],
      resource: resource.id,
    });
    if (!may("list")) continue;
    walk.push(page("list", "list", base));
    if (may("new")) walk.push(page("new", "new", `${base}/actions/new`));
    for (const action of resource.actions) {
      if (action.type !== "resource" || !action.hasComponent || NOT_PAGES.has(action.name) || action.name === "new")
        continue;
      if (may(action.name)) walk.push(page(action.name, "action", `${base}/actions/${action.name}`));
    }
    const id = resource.firstRecordId;
    if (id === undefined) continue;
    const record = `${base}/records/${encodeURIComponent(id)}`;
    if (may("show")) walk.push(page("show", "show", `${record}/show`));
    if (may("edit")) walk.push(page("edit", "edit", `${record}/edit`));
    const offers = new Set(offered(resource));
    for (const action of resource.actions) {
      if (action.type !== "record" || !action.hasComponent || NOT_PAGES.has(action.name) || action.name === "edit")
        continue;
      if (may(action.name) && offers.has(action.name))
        walk.push(page(action.name, "action", `${record}/${action.name}`));
    }
  }
  return walk;
}

/**
 * Pages `role` may not open, as a person following an old link would: the list of each resource it may
 * not view, and Bull Board without settings.system. Each expects a 403 from what it asks, nothing else.
 */
export function forbiddenPages(role: Role, resources: readonly ResourceInfo[]): WalkPage[] {
  const walk: WalkPage[] = [];
  for (const resource of resources) {
    const list = actionOf(resource, "list");
    if (!list || allowed(role, resource.module, list.permission)) continue;
    walk.push({
      key: `${resource.id}-list-forbidden`,
      kind: "forbidden",
      path: `/admin/resources/${resource.id}`,
      // An old link or a typed address: the document is loaded, not reached from the app's menu.
      spa: false,
      expected403: [apiPrefix(resource.id)],
      resource: resource.id,
    });
  }
  if (!allowed(role, "settings", "system")) {
    walk.push({
      key: "queues-forbidden",
      kind: "forbidden",
      path: "/admin/queues",
      spa: false,
      expected403: ["/admin/queues", "/admin/queues/*"],
    });
  }
  return walk;
}

/** Whether a request path is one of the page's expected 403s (exact, or below a prefix ending in "*"). */
export function isExpected403(page: Pick<WalkPage, "expected403">, pathname: string): boolean {
  return page.expected403.some((pattern) =>
    pattern.endsWith("*") ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern,
  );
}
