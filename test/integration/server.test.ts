// `npm start` as a new user runs it: a database that does not exist yet, then SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import request from "supertest";
import { dropDatabase } from "../../src/db/create-database.js";
import { PROJECT_ROOT } from "../../src/lib/project-root.js";

const base = new URL(process.env.DATABASE_URL!);
const freshUrl = (() => {
  const u = new URL(base);
  u.pathname = `${base.pathname}_server_${process.pid}`;
  return u.toString();
})();

function startServer(port: number): { child: ChildProcess; output: () => string; listening: Promise<number> } {
  let out = "";
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/server.ts")], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "development",
      DATABASE_URL: freshUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      QUEUE_PREFIX: `locod-test-server:${process.pid}`,
      LOG_LEVEL: "warn",
      // No SMTP server: e-mail is caught (and the start-up says where to read it).
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const listening = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("listening on")) resolve(Date.now() - started);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code} before listening:\n${out}`)));
  });
  return { child, output: () => out, listening };
}

describe("npm start", () => {
  beforeAll(() => dropDatabase(freshUrl));
  afterAll(() => dropDatabase(freshUrl));

  it("creates and seeds a missing database, prints the demo logins, serves them, and stops on SIGTERM", async () => {
    const port = 38_000 + (process.pid % 1000);
    const server = startServer(port);
    // How fast it starts is the bench's business (a busy machine may take minutes); a failed check
    // still stops the server it started.
    try {
      await server.listening;
      await checkServer(server, port);
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  }, 600_000);
});

async function checkServer(server: ReturnType<typeof startServer>, port: number): Promise<void> {
  const printed = server.output();
  const superLogin = /super_admin\s+(\S+)\s+(\S+)/.exec(printed);
  expect(superLogin).not.toBeNull();
  for (const role of ["admin", "editor", "viewer"]) expect(printed).toMatch(new RegExp(`\\b${role}\\s+\\S+@`));
  // Each slow step says what it does, then how it went.
  expect(printed).toMatch(/^Migrating database \S+ \(created\)\.\.\. \d+ applied \(\d+\.\d s\)$/m);
  expect(printed).toMatch(/^Seeding demo data\.\.\. done \(\d+\.\d s\)$/m);
  expect(printed).toMatch(/^Bundling back-office components\.\.\. done \(\d+\.\d s\)$/m);
  // PUBLIC_BASE_URL (its default here), not a guess.
  expect(printed).toContain(`listening on http://localhost:${port}/admin`);

  const url = `http://127.0.0.1:${port}`;
  expect((await request(url).get("/readyz")).body).toEqual({ status: "ok", checks: { database: "ok", redis: "ok" } });
  // The printed URL is the origin the portal accepts form posts from.
  const agent = request.agent(url).set("Origin", `http://localhost:${port}`);
  const login = await agent.post("/admin/login").type("form").send({ email: superLogin![1], password: superLogin![2] });
  expect(login.status).toBe(302);
  const list = await agent.get("/admin/api/resources/customers/actions/list");
  expect(list.status).toBe(200);
  expect(list.body.meta.total).toBeGreaterThan(0);
  // In development 127.0.0.1 works as well as the printed localhost.
  const loopback = request.agent(url).set("Origin", url);
  const second = await loopback
    .post("/admin/login")
    .type("form")
    .send({ email: superLogin![1], password: superLogin![2] });
  expect(second.status).toBe(302);
  expect((await loopback.get("/admin/api/resources/customers/actions/list")).status).toBe(200);

  const exited = new Promise<number | null>((resolve) => server.child.on("exit", (code) => resolve(code)));
  server.child.kill("SIGTERM");
  await expect(exited).resolves.toBe(0);
  expect(server.output()).not.toMatch(/shutdown took longer/);
}
