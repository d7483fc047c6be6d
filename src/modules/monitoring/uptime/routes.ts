// REST /admin/api/v1/monitoring/uptime (monitoring.view) and /monitoring/incidents/{id}/resolve
// (monitoring.configure_alerts): thin callers of read-uptime.ts and resolve-incident.ts.
import { Router } from "express";
import { z } from "zod";
import type { ApiOperation } from "../../../http/openapi.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import { parseBody, parseId } from "../../../http/params.js";
import type { Deps } from "../../../deps.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import { WINDOWS, type UptimeWindow } from "../rules/uptime.js";
import { readUptime } from "./read-uptime.js";
import { resolveIncident } from "./resolve-incident.js";

const id = z.string().regex(/^\d{1,9}$/, "a positive whole number");
export const ZUptimeQuery = z
  .object({
    site_id: id.optional().describe("the site (its HTTP checks unless check_type says otherwise)"),
    monitor_id: id.optional().describe("or a monitor: its site's checks of the monitor's type"),
    check_type: z.enum(["http", "ssl", "dns"]).optional(),
    window: z.enum(["24h", "7d", "30d", "1y"]).optional().describe("one window; all four when absent"),
  })
  .strict();

const figure = z.number().int().nullable();
const ZUptimeFigures = z.object({
  window: z.enum(["24h", "7d", "30d", "1y"]),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  uptime: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .meta({ description: "up / (up + down), maintenance excluded; null when nothing was checked" }),
  up: z.number().int(),
  down: z.number().int().meta({ description: "failed checks, the monitor pending or not" }),
  maintenance: z.number().int().meta({ description: "checks inside a maintenance window, not counted" }),
  responseTime: z
    .object({ avg: figure, p50: figure, p95: figure })
    .meta({ description: "of the up checks, ms; percentiles from a histogram: at most one bucket above" }),
});
const ZUptime = z.object({
  siteId: z.number().int(),
  checkType: z.enum(["http", "ssl", "dns"]),
  monitorId: z.number().int().nullable(),
  windows: z.array(ZUptimeFigures),
});

export function uptimeRoutes(deps: Deps): Router {
  const router = Router();
  router.get(
    "/monitoring/uptime",
    asyncRoute(async (req, res) => {
      requirePermission("monitoring", "view");
      const q = parseBody(ZUptimeQuery, req.query ?? {});
      if ((q.site_id === undefined) === (q.monitor_id === undefined)) {
        throw new AppError("validation", "Give a site_id or a monitor_id", [
          { field: "site_id", message: "a site_id or a monitor_id (one of the two)" },
        ]);
      }
      let siteId: number;
      let checkType = q.check_type ?? "http";
      let monitorId: number | null = null;
      if (q.monitor_id !== undefined) {
        const monitor = await deps.prisma.monitor.findUnique({ where: { id: Number(q.monitor_id) } });
        if (!monitor) throw new AppError("not_found", `No monitor ${q.monitor_id}`);
        [siteId, checkType, monitorId] = [monitor.siteId, monitor.type, monitor.id];
      } else {
        siteId = Number(q.site_id);
        if (!(await deps.prisma.site.findUnique({ where: { id: siteId }, select: { id: true } }))) {
          throw new AppError("not_found", `No site ${siteId}`);
        }
      }
      const windows = q.window ? [q.window] : (Object.keys(WINDOWS) as UptimeWindow[]);
      res.json({
        siteId,
        checkType,
        monitorId,
        windows: await readUptime(deps.prisma, { siteId, checkType }, windows),
      });
    }),
  );
  router.post(
    "/monitoring/incidents/:id/resolve",
    asyncRoute(async (req, res) => {
      res.json(await resolveIncident(deps.prisma, parseId(req.params.id, "incident")));
    }),
  );
  return router;
}

export const UPTIME_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/monitoring/uptime",
    tag: "monitoring",
    summary: "Uptime and response time of a site's or a monitor's checks over 24 h, 7 d, 30 d and 1 y",
    description:
      "Uptime as up / (up + down): a failed check counts down while its monitor is pending, checks in a " +
      "maintenance window are left out. Read from the hourly and daily rollups plus the raw rows of the open hour.",
    permission: "monitoring.view",
    query: ZUptimeQuery,
    responses: {
      200: { description: "The figures of each window", schema: { name: "Uptime", schema: ZUptime } },
    },
  },
  {
    method: "post",
    path: "/monitoring/incidents/{id}/resolve",
    tag: "monitoring",
    summary: "Resolve an open incident by hand",
    permission: "monitoring.configure_alerts",
    idType: "integer",
    responses: {
      200: { description: "The incident, resolved", record: "Incident" },
      409: { description: "The incident is already resolved" },
    },
  },
];
