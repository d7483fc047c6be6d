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
