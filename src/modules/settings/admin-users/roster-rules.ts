// Who may still manage the admin users after a change: an admin cannot disable themselves, and the last
// active admin holding settings.system keeps it. Plain functions, unit-tested in roster-rules.test.ts.
import { can, type Grantee } from "../../auth/permissions.js";

export type AdminStatus = "active" | "disabled";

export interface RosterEntry extends Grantee {
  id: number;
  status: AdminStatus;
}

/** Holds the admin users screens, secrets and Bull Board (settings.system) and may log in. */
function runsTheSystem(admin: RosterEntry): boolean {
  return admin.status === "active" && can(admin, "settings", "system");
}

/**
 * Why changing `before` into `after` must be refused, or null. An admin cannot disable themselves
 * (they would lock themselves out mid-click), and the last active admin holding settings.system
 * cannot lose it by a role change, a narrowed permission list or a disabling: nobody could then
 * manage admin users at all. `roster` holds the active super admins (the target among them or not).
 */
export function rosterRefusal(
  actorId: number | null,
  before: RosterEntry,
  after: RosterEntry,
  roster: readonly RosterEntry[],
): "selfDisable" | "lastSuperAdmin" | null {
  if (actorId === before.id && before.status === "active" && after.status === "disabled") return "selfDisable";
  if (runsTheSystem(before) && !runsTheSystem(after)) {
    const others = roster.filter((admin) => admin.id !== before.id && runsTheSystem(admin));
    if (others.length === 0) return "lastSuperAdmin";
  }
  return null;
}

/** The field a last-super-admin refusal points at: what the change took away. */
export function lastSuperAdminField(before: RosterEntry, after: RosterEntry): string {
  if (after.status !== before.status) return "status";
  if (after.role !== before.role) return "role";
  return "permissions";
}
