// Who may act on an AI request: one rule for every transition of the Queue IA (take, release, complete,
// reject). A request being processed is held by its assignee: only the holder acts on it, or an admin or
// super_admin, who may take over a request a colleague left half done. A request nobody holds (pending,
// or processing without an assignee) is open to anyone with the transition's permission.
import type { AiRequest, Prisma } from "@prisma/client";
import type { CurrentAdmin } from "../../lib/request-context.js";

type Role = CurrentAdmin["role"];

/** Roles that may act on a request another admin holds. */
export const OVERRIDING_ROLES: ReadonlySet<Role> = new Set<Role>(["admin", "super_admin"]);

export type Actor = { id: number; role: Role };
export type HeldRequest = Pick<AiRequest, "status" | "adminId">;

/** The admin who holds the request, or null when nobody does (only a processing request is held). */
export const holderOf = (request: HeldRequest): number | null =>
  request.status === "processing" ? request.adminId : null;

/** Whether `admin` may act on `request`: nobody else holds it, or their role may override the holder. */
export function mayActOnRequest(admin: Actor, request: HeldRequest): boolean {
  const holder = holderOf(request);
  return holder === null || holder === admin.id || OVERRIDING_ROLES.has(admin.role);
}

/**
 * The same rule as a condition of the transition's update, so that a request taken by someone else
 * between the check and the update is not changed.
 */
export function mayActGuard(admin: Actor): Prisma.AiRequestWhereInput {
  if (OVERRIDING_ROLES.has(admin.role)) return {};
  return { OR: [{ status: { not: "processing" } }, { adminId: null }, { adminId: admin.id }] };
}
