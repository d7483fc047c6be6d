// Who may still manage the admin users after a change (roster-rules.ts), without a database.
import { rosterRefusal, type RosterEntry } from "./roster-rules.js";

describe("rosterRefusal", () => {
  const sa = (id: number, extra: Partial<RosterEntry> = {}): RosterEntry => ({
    id,
    role: "super_admin",
    status: "active",
    permissions: null,
    ...extra,
  });

  it("refuses an admin disabling themselves", () => {
    expect(rosterRefusal(1, sa(1), sa(1, { status: "disabled" }), [sa(1), sa(2)])).toBe("selfDisable");
  });

  it("refuses taking settings.system from the last active super admin, by role, permissions or status", () => {
    const roster = [sa(1)];
    expect(rosterRefusal(2, sa(1), sa(1, { role: "admin" }), roster)).toBe("lastSuperAdmin");
    expect(rosterRefusal(2, sa(1), sa(1, { permissions: ["customers.view"] }), roster)).toBe("lastSuperAdmin");
    expect(rosterRefusal(2, sa(1), sa(1, { status: "disabled" }), roster)).toBe("lastSuperAdmin");
  });

  it("does not count a super admin whose permissions lack settings.system, nor a disabled one", () => {
    const roster = [sa(1), sa(2, { permissions: ["customers.view"] }), sa(3, { status: "disabled" })];
    expect(rosterRefusal(9, sa(1), sa(1, { role: "admin" }), roster)).toBe("lastSuperAdmin");
  });

  it("allows it when another active super admin remains, and any change to other roles", () => {
    expect(rosterRefusal(2, sa(1), sa(1, { role: "admin" }), [sa(1), sa(2)])).toBeNull();
    const editor: RosterEntry = { id: 5, role: "editor", status: "active", permissions: null };
    expect(rosterRefusal(1, editor, { ...editor, status: "disabled" }, [sa(1)])).toBeNull();
  });
});
