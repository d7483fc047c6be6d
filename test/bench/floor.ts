// The floor: a minimal Express route per bench case that runs the case's SQL with `pg` and answers the
// rows as JSON over HTTP, so it pays what any HTTP page pays (parsing, a pool checkout, serialisation)
// and nothing else. No session, no logging, no framework above Express.
import express from "express";
import type { Server } from "node:http";
import pg from "pg";
import type { BenchCase, FloorCount } from "./cases.js";

async function countRows(pool: pg.Pool, count: FloorCount): Promise<number> {
  if (count.kind === "exact") {
    const { rows } = await pool.query<{ n: string }>(count.sql, count.params);
    return Number(rows[0]!.n);
  }
  const { rows } = await pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    `EXPLAIN (FORMAT JSON) ${count.sql}`,
    count.params,
  );
  return Math.round(rows[0]!["QUERY PLAN"][0].Plan["Plan Rows"]);
}

export function floorApp(pool: pg.Pool, cases: BenchCase[]): express.Express {
  const app = express();
  app.disable("x-powered-by");
  cases.forEach((c, index) => {
    app.get(`/floor/${index}`, async (_req, res, next) => {
      try {
        const [page, total] = await Promise.all([
          pool.query(c.floor.rows, c.floor.params),
          countRows(pool, c.floor.count),
        ]);
        res.json({ meta: { total }, records: page.rows });
      } catch (err) {
        next(err);
      }
    });
  });
  return app;
}

/**
 * The AI queue's REST list (the ai_requests table route, sort=priority,createdAt) as a hand-written route
 * would run it: the same filters, keyset condition (the OR form Prisma sends for the cursor), order
 * (priority, created_at, id DESC) and LIMIT, every column, and the same nextCursor encoding.
 */
export function queueFloorRoute(app: express.Express, pool: pg.Pool, limit: number): void {
  app.get("/floor/ai-queue", async (req, res, next) => {
    try {
      const q = req.query as Record<string, string | undefined>;
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replaceAll("?", `$${params.length}`));
      };
      if (q.status) add("status = ?::ai_request_status", q.status);
      if (q.requestType) add("request_type = ?::ai_request_type", q.requestType);
      if (q.priority) add("priority = ?", Number(q.priority));
      if (q.customer_id) add("customer_id = ?", Number(q.customer_id));
      if (q.admin_id) add("admin_id = ?", Number(q.admin_id));
      if (q.from) add("created_at >= ?", new Date(q.from));
      if (q.to) add("created_at <= ?", new Date(q.to));
      if (q.cursor) {
        const [, priority, created, id] = JSON.parse(Buffer.from(q.cursor, "base64url").toString("utf8")) as [
          string,
          number,
          string,
          number,
        ];
        params.push(priority, new Date(created), id);
        const [p, c, i] = [params.length - 2, params.length - 1, params.length];
        where.push(
          `(priority > $${p} OR (priority = $${p} AND created_at > $${c}) ` +
            `OR (priority = $${p} AND created_at = $${c} AND id < $${i}))`,
        );
      }
      const { rows } = await pool.query<{ id: number; priority: number; created_at: Date }>(
        `SELECT * FROM ai_requests${where.length ? ` WHERE ${where.join(" AND ")}` : ""}` +
          ` ORDER BY priority, created_at, id DESC LIMIT ${limit + 1}`,
        params,
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([q.sort ?? "", last.priority, last.created_at.toISOString(), last.id])).toString(
              "base64url",
            )
          : null;
      res.json({ data: page, nextCursor });
    } catch (err) {
      next(err);
    }
  });
}

export async function listen(app: express.Express): Promise<{ server: Server; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (!address || typeof address === "string") return reject(new Error("no TCP address"));
      resolve({ server, baseUrl: `http://127.0.0.1:${address.port}` });
    });
    server.on("error", reject);
  });
}
