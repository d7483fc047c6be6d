// The permission matrix of DESIGN.md section 5, walked through the REST API: every route of every
// resource, for each role plus one restricted user: allowed exactly where the matrix says, 403 where
// the user lacks the permission, 405 where nobody may (the route has no such operation).
import request from "supertest";
import { buildAdmin } from "../../src/admin/index.js";
import { permissionFor } from "../../src/admin/access.js";
import { KitPrismaResource } from "../../src/admin/resource-kit.js";
import { MODULE_PERMISSIONS } from "../../src/modules/auth/permissions.js";
import { API, makeApiLogin } from "../factories/api.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";
import { USERS, expectedAllowed, idPath, seedEveryTable, SEED_SETUP_MS } from "../helpers/access-matrix.js";

let t: TestApp;
let resources: KitPrismaResource[];
const tokens = new Map<string, string>();

beforeAll(async () => {
  t = await makeTestApp();
  await seedEveryTable(t.deps.prisma);
  for (const user of USERS) {
    const login = await makeApiLogin(t.app, t.deps.prisma, {
      role: user.role,
      permissions: user.permissions ?? undefined,
    });
    tokens.set(user.label, login.auth);
  }
  resources = (await buildAdmin(t.deps)).resources as KitPrismaResource[];
}, SEED_SETUP_MS);

afterAll(() => t.close());

type Operation = "list" | "show" | "create" | "update" | "delete" | "export";
const ACTION_OF: Record<Operation, string> = {
  list: "list",
  show: "show",
  create: "new",
  update: "edit",
  delete: "delete",
  export: "list",
};

describe("access matrix through the REST API", () => {
  it("allows every route exactly where the matrix says, 403 without the permission, 405 where no one may", async () => {
    const rows = new Map<string, string[]>();
    for (const r of resources) {
      const ids = (
        await r.find({ filters: {} } as never, { limit: 2, sort: { sortBy: idPath(r), direction: "asc" } })
      ).map((rec) => String(rec.id()));
      expect({ table: r.tableName, rows: ids.length }).toEqual({ table: r.tableName, rows: 2 });
      // Never the API sessions this test is logged in with.
      rows.set(r.tableName, r.tableName === "admin_sessions" ? ["matrix-0", "matrix-1"] : ids);
    }
    const mismatches: string[] = [];
    let walked = 0;
    const allOperations: Operation[] = ["list", "show", "export", "create", "update", "delete"];
    let expectedWalks = 0;
    for (const resource of resources) {
      const { module } = resource.access;
      const exportable = (MODULE_PERMISSIONS[module] as readonly string[]).includes("export");
      // Export exists for the modules that have the permission (DESIGN.md 5), for no others.
      const operations = allOperations.filter((op) => op !== "export" || exportable);
      expectedWalks += operations.length * USERS.length;
      const base = `${API}/${module.replace(/_/g, "-")}/${resource.tableName}`;
      const [id] = rows.get(resource.tableName)!;
      for (const op of operations) {
        const permission = permissionFor(resource.access, ACTION_OF[op]);
        // Forbidden users first, so that an allowed delete cannot take the row from under them.
        const users = [...USERS].sort(
          (a, b) => Number(expectedAllowed(a, module, permission)) - Number(expectedAllowed(b, module, permission)),
        );
        for (const user of users) {
          let allowed = expectedAllowed(user, module, permission);
          if (op === "export") allowed = allowed && expectedAllowed(user, module, "export");
          const nobody = permission === null;
          const auth = tokens.get(user.label)!;
          const agent = request(t.app);
          const res =
            op === "list"
              ? await agent.get(base).set("Authorization", auth)
              : op === "show"
                ? await agent.get(`${base}/${id}`).set("Authorization", auth)
                : op === "export"
                  ? await agent.get(`${base}/export.csv`).set("Authorization", auth)
                  : op === "create"
                    ? await agent.post(base).set("Authorization", auth).send({})
                    : op === "update"
                      ? await agent.patch(`${base}/${id}`).set("Authorization", auth).send({})
                      : await agent.delete(`${base}/${id}`).set("Authorization", auth);
          walked++;
          const ok = nobody
            ? res.status === 405
            : allowed
              ? ![401, 403, 405].includes(res.status) && res.status < 500
              : res.status === 403;
          if (!ok) {
            const expected = nobody ? "405" : allowed ? "allowed" : "403";
            mismatches.push(
              `${user.label} ${op.toUpperCase()} ${base} (${module}.${permission}): HTTP ${res.status}, expected ${expected}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(walked).toBe(expectedWalks);
    expect(walked).toBeGreaterThan(21 * 5 * USERS.length);
    // Every action of every table as five users: minutes on a busy machine, and what it checks is not speed.
  }, 600_000);
});
