// Admin users (role, permissions, status, forced logout) against the real PostgreSQL, without HTTP.
import type { PrismaClient } from "@prisma/client";
import { makeAdmin } from "../../../../test/factories/index.js";
import { adminSessions, refusal } from "../../../../test/helpers/admin-sessions.js";
import { makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { disableAdmin, enableAdmin } from "./admin-status.js";
import { forceLogout } from "./force-logout.js";
import { updateAdminUser } from "./update-admin-user.js";

let t: TestApp;
let prisma: PrismaClient;

beforeAll(async () => {
  t = await makeTestApp();
  prisma = t.deps.prisma;
});

afterAll(() => t.close());

const { loginSession, apiToken, sessionsOf, audits } = adminSessions(() => prisma);

/** Makes `keep` the only active super admin (other tests' super admins become admins). */
async function onlySuperAdmin(keep: number) {
  await prisma.adminUser.updateMany({
    where: { role: "super_admin", id: { not: keep } },
    data: { role: "admin" },
  });
}

describe("admin users: role, permissions and status", () => {
  it("changes role and permissions with one audit row of the old and new values", async () => {
    const actor = await makeAdmin(prisma, { role: "super_admin" });
    const target = await makeAdmin(prisma, { role: "editor" });
    const updated = await updateAdminUser(prisma, actor.id, target.id, {
      role: "viewer",
      permissions: ["customers.view"],
    });
    expect(updated).toMatchObject({ role: "viewer", permissions: ["customers.view"] });
    const rows = await audits("update", target.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      resourceType: "admin_users",
      oldValues: { role: "editor", permissions: null },
      newValues: { role: "viewer", permissions: ["customers.view"] },
    });
  });

  it("refuses unknown permissions and a taken e-mail, naming the field", async () => {
    const target = await makeAdmin(prisma);
    const other = await makeAdmin(prisma);
    const unknown = await refusal(updateAdminUser(prisma, null, target.id, { permissions: ["customers.fly"] }));
    expect(unknown).toMatchObject({ field: "permissions", reason: "permissionUnknown", code: "validation" });
    const taken = await refusal(updateAdminUser(prisma, null, target.id, { email: other.email.toUpperCase() }));
    expect(taken).toMatchObject({ field: "email", reason: "fieldTaken", code: "conflict" });
  });

  it("gives one e-mail to one of two accounts edited at once", async () => {
    const a = await makeAdmin(prisma);
    const b = await makeAdmin(prisma);
    const email = `shared-${Date.now()}@test.local`;
    const results = await Promise.allSettled([
      updateAdminUser(prisma, null, a.id, { email }),
      updateAdminUser(prisma, null, b.id, { email }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      field: "email",
      reason: "fieldTaken",
    });
  });

  it("lets one of two admins demoting the last two super admins at once win", async () => {
    const a = await makeAdmin(prisma, { role: "super_admin" });
    const b = await makeAdmin(prisma, { role: "super_admin" });
    await onlySuperAdmin(a.id);
    await prisma.adminUser.update({ where: { id: b.id }, data: { role: "super_admin" } });
    const results = await Promise.allSettled([
      updateAdminUser(prisma, b.id, a.id, { role: "admin" }),
      updateAdminUser(prisma, a.id, b.id, { role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ reason: "lastSuperAdmin", field: "role" });
    expect(await prisma.adminUser.count({ where: { role: "super_admin", status: "active" } })).toBe(1);
  });

  it("disables an account: all its logins end, other accounts' stay, one audit row", async () => {
    const actor = await makeAdmin(prisma, { role: "super_admin" });
    const target = await makeAdmin(prisma, { role: "editor" });
    const bystander = await makeAdmin(prisma);
    await loginSession(target.id);
    await loginSession(target.id);
    await apiToken(target.id);
    const kept = await loginSession(bystander.id);
    await apiToken(bystander.id);

    expect(await disableAdmin(prisma, actor.id, target.id)).toEqual({ loginSessionsEnded: 2, apiSessionsEnded: 1 });
    expect(await sessionsOf(target.id)).toEqual({ login: [], api: 0 });
    expect(await sessionsOf(bystander.id)).toEqual({ login: [kept], api: 1 });
    const rows = await audits("disable", target.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      adminId: null, // no request context here: the caller's context names the actor
      oldValues: { status: "active" },
      newValues: { status: "disabled", loginSessionsEnded: 2, apiSessionsEnded: 1 },
    });
  });

  it("gives one of two racing disables the change and the other a conflict", async () => {
    const target = await makeAdmin(prisma);
    const results = await Promise.allSettled([
      disableAdmin(prisma, null, target.id),
      disableAdmin(prisma, null, target.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      reason: "alreadyDisabled",
      code: "conflict",
    });
    expect(await audits("disable", target.id)).toHaveLength(1);
    await enableAdmin(prisma, null, target.id);
    expect((await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("active");
    expect(await audits("enable", target.id)).toHaveLength(1);
  });

  it("refuses an admin disabling themselves, and disabling the last super admin", async () => {
    const root = await makeAdmin(prisma, { role: "super_admin" });
    await onlySuperAdmin(root.id);
    expect(await refusal(disableAdmin(prisma, root.id, root.id))).toMatchObject({ reason: "selfDisable" });
    expect(await refusal(disableAdmin(prisma, null, root.id))).toMatchObject({ reason: "lastSuperAdmin" });
    expect(await refusal(updateAdminUser(prisma, null, root.id, { status: "disabled" }))).toMatchObject({
      reason: "lastSuperAdmin",
      field: "status",
    });
    expect((await prisma.adminUser.findUniqueOrThrow({ where: { id: root.id } })).status).toBe("active");
  });

  it("forces a logout: form sessions and API tokens end, one audit row", async () => {
    const target = await makeAdmin(prisma);
    await loginSession(target.id);
    await apiToken(target.id);
    await apiToken(target.id);
    expect(await forceLogout(prisma, target.id)).toEqual({ loginSessionsEnded: 1, apiSessionsEnded: 2 });
    expect(await sessionsOf(target.id)).toEqual({ login: [], api: 0 });
    expect(await audits("force_logout", target.id)).toHaveLength(1);
  });
});
