// Which permission each AdminJS action of a resource needs (DESIGN.md 5). Every action of every
// resource, built-in, bulk or custom, is guarded here by can(); hiding a button is not the check.
import { ForbiddenError, type ActionContext, type Before, type IsFunction } from "adminjs";
import { currentContext } from "../lib/request-context.js";
import { can, type Permission, type PermissionModule } from "../modules/auth/permissions.js";
import { tablePermission } from "../db/tables.js";

export interface ResourceAccess<M extends PermissionModule = PermissionModule> {
  module: M;
  /**
   * Permission per action name; null: no one (the action does not exist for this table). Built-in
   * actions default to: list/show/search -> view, new -> create (or edit), edit -> edit,
   * delete/bulkDelete -> delete, or null where the module has no such permission.
   */
  actions?: Partial<Record<string, Permission<M> | null>>;
}

export const BUILT_IN_ACTIONS = ["list", "search", "show", "new", "edit", "delete", "bulkDelete"] as const;

/** The permission an action needs, or null when nobody may run it (the table spec's rule, src/db/tables.ts). */
export function permissionFor(access: ResourceAccess, action: string): string | null {
  return tablePermission(access, action);
}

/** The acting admin's right to `module.permission`, for code that runs inside a request. */
export function contextCan(module: PermissionModule, permission: string): boolean {
  return can(currentContext()?.admin, module, permission as never);
}

/** isAccessible for one action: the module's own condition (if any) and the permission, both. */
export function guard(
  access: ResourceAccess,
  action: string,
  own: boolean | IsFunction | undefined,
): boolean | IsFunction {
  const permission = permissionFor(access, action);
  if (permission === null || own === false) return false;
  return (context: ActionContext) => {
    if (!contextCan(access.module, permission)) return false;
    if (typeof own === "function") return own(context);
    return true;
  };
}

/** Actions of a table that only super admins manage (admin users, their sessions). */
export function everyActionNeeds<M extends PermissionModule>(
  permission: Permission<M>,
): Partial<Record<string, Permission<M>>> {
  return Object.fromEntries(BUILT_IN_ACTIONS.map((action) => [action, permission]));
}

/**
 * AdminJS runs an action's `before` hooks before it checks isAccessible: a forbidden request would
 * still be validated, hashed or acted upon by them. This hook, placed first, refuses it before any.
 */
export function refuseBeforeHooks(
  access: ResourceAccess,
  action: string,
  own: boolean | IsFunction | undefined,
): Before {
  const check = guard(access, action, own);
  return (request, context) => {
    const allowed = typeof check === "function" ? check(context) : check;
    if (!allowed) throw new ForbiddenError("forbiddenError");
    return request;
  };
}
