import { Router } from "express";
import type { Deps } from "../deps.js";

/** /healthz: the process answers. /readyz: PostgreSQL and Redis answer too (load balancer check). */
export function healthRoutes(deps: Pick<Deps, "pool" | "redis">): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const timeout = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000))]);
    const [db, redis] = await Promise.allSettled([timeout(deps.pool.query("SELECT 1")), timeout(deps.redis.ping())]);
    const checks = {
      database: db.status === "fulfilled" ? "ok" : "unreachable",
      redis: redis.status === "fulfilled" ? "ok" : "unreachable",
    };
    const ready = checks.database === "ok" && checks.redis === "ok";
    res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "unavailable", checks });
  });
  return router;
}
