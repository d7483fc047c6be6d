import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "./create-database.js";
import { migrate, readMigrations } from "./migrate.js";

const base = new URL(process.env.DATABASE_URL!);
const scratchUrl = () => {
  const u = new URL(base);
  u.pathname = `${base.pathname}_migrate_${process.pid}`;
  return u.toString();
};

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migration runner", () => {
  const url = scratchUrl();
  beforeEach(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
  });
  afterAll(() => dropDatabase(url));

  it("applies the project's migrations once and records them as Prisma does", async () => {
    const first = await migrate(url);
    expect(first.length).toBe((await readMigrations()).length);
    expect(await migrate(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS done FROM "_prisma_migrations" ORDER BY 1',
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(first);
    expect(rows.every((r) => r.done && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("applies each migration once when two processes start together", async () => {
    const dir = await migrationsDir({ "001_a": "CREATE TABLE a (id int);", "002_b": "CREATE TABLE b (id int);" });
    const [x, y] = await Promise.all([migrate(url, dir), migrate(url, dir)]);
    expect([...x, ...y].sort()).toEqual(["001_a", "002_b"]);
  });

  it("rolls a failing migration back whole and refuses an edited one", async () => {
    const dir = await migrationsDir({ "001_a": "CREATE TABLE a (id int);" });
    await migrate(url, dir);
    const broken = await migrationsDir({
      "001_a": "CREATE TABLE a (id int);",
      "002_bad": "CREATE TABLE half (id int); SELECT no_such_function();",
    });
    await expect(migrate(url, broken)).rejects.toThrow(/002_bad failed/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const half = await client.query("SELECT to_regclass('half') AS t");
    await client.end();
    expect(half.rows[0].t).toBeNull();
    const edited = await migrationsDir({ "001_a": "CREATE TABLE a (id bigint);" });
    await expect(migrate(url, edited)).rejects.toThrow(/edited after it was applied/);
  });
});
