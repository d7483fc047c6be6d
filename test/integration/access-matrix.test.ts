// The permission matrix of DESIGN.md section 5, walked through every AdminJS action of every resource:
// each role plus one restricted user, allowed exactly where the matrix says, 403 everywhere else.
// The cases are generated from the tables below and from each resource's declared access.
import type AdminJS from "adminjs";
import type { Agent } from "supertest";
import { buildAdmin } from "../../src/admin/index.js";
import { permissionFor } from "../../src/admin/access.js";
import { KitPrismaResource } from "../../src/admin/resource-kit.js";
import { makeAdmin } from "../factories/index.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { USERS, expectedAllowed, idPath, seedEveryTable, SEED_SETUP_MS } from "../helpers/access-matrix.js";

let t: TestApp;
let admin: AdminJS;
const agents = new Map<string, Agent>();

beforeAll(async () => {
  t = await makeTestApp();
  await seedEveryTable(t.deps.prisma);
  for (const user of USERS) {
    const created = await makeAdmin(t.deps.prisma, { role: user.role, permissions: user.permissions ?? undefined });
    agents.set(user.label, await loginAgent(t.app, created.email, created.password));
  }
  admin = await buildAdmin(t.deps);
}, SEED_SETUP_MS);

afterAll(() => t.close());

interface Case {
  user: string;
  resource: string;
  action: string;
  module: string;
  permission: string | null;
  allowed: boolean;
}

/** One request per case, shaped by the kind of action. */
async function attempt(agent: Agent, c: Case, actionType: string, recordId: string): Promise<number> {
  const base = `/admin/api/resources/${c.resource}`;
  if (actionType === "resource") {
    const isRead = c.action === "list" || c.action === "search";
    return (isRead ? await agent.get(`${base}/actions/${c.action}`) : await agent.post(`${base}/actions/${c.action}`))
      .status;
  }
  if (actionType === "bulk") return (await agent.post(`${base}/bulk/${c.action}?recordIds=${recordId}`)).status;
  const path = `${base}/records/${recordId}/${c.action}`;
  return (c.action === "show" ? await agent.get(path) : await agent.post(path)).status;
}

describe("access matrix through AdminJS", () => {
  it("allows every action exactly where the matrix says and answers 403 elsewhere", async () => {
    const mismatches: string[] = [];
    let walked = 0;
    // Two rows of each table, picked before anything is deleted (deletes cascade across tables): one
    // for the record actions, another for the bulk action.
    const rows = new Map<string, string[]>();
    for (const resource of admin.resources) {
      if (!(resource instanceof KitPrismaResource)) throw new Error(`${resource.id()} is not a kit resource`);
      // The oldest rows: seeded ones, never the accounts this test is logged in with.
      const oldest = { limit: 2, sort: { sortBy: idPath(resource), direction: "asc" as const } };
      const ids = (await resource.find({ filters: {} } as never, oldest)).map((r) => String(r.id()));
      expect({ table: resource.tableName, rows: ids.length }).toEqual({ table: resource.tableName, rows: 2 });
      rows.set(resource.tableName, ids);
    }
    for (const resource of admin.resources as KitPrismaResource[]) {
      const decorated = resource.decorate();
      const ids = rows.get(resource.tableName)!;
      // Record-changing actions last, so that reads see the row first; forbidden users before allowed ones.
      const order = (name: string) =>
        ["delete", "bulkDelete"].includes(name) ? 2 : ["list", "search", "show"].includes(name) ? 0 : 1;
      const actions = Object.values(decorated.actions).sort((a, b) => order(a.name) - order(b.name));
      for (const action of actions) {
        const permission = permissionFor(resource.access, action.name);
        const cases: Case[] = USERS.map((u) => ({
          user: u.label,
          resource: resource.tableName,
          action: action.name,
          module: resource.access.module,
          permission,
          allowed: expectedAllowed(u, resource.access.module, permission),
        })).sort((a, b) => Number(a.allowed) - Number(b.allowed));
        for (const c of cases) {
          const recordId = action.isBulkType() ? ids[1]! : ids[0]!;
          const status = await attempt(
            agents.get(c.user)!,
            c,
            action.isBulkType() ? "bulk" : action.isRecordType() ? "record" : "resource",
            recordId,
          );
          walked++;
          const allowed = status !== 403;
          if (allowed !== c.allowed || status >= 500) {
            mismatches.push(
              `${c.user} ${c.resource}.${c.action} (${c.module}.${c.permission}): HTTP ${status}, expected ${c.allowed ? "allowed" : "403"}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // 21 tables x at least the 7 built-in actions x 5 users.
    expect(walked).toBeGreaterThanOrEqual(21 * 7 * 5);
    // Every action of every table as five users: minutes on a busy machine, and what it checks is not speed.
  }, 600_000);
});
