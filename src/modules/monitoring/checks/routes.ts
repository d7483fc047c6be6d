// REST /admin/api/v1/monitoring/monitors/{id}/pause|resume: the same use cases as the AdminJS actions.
import { Router } from "express";
import type { Deps } from "../../../deps.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import type { ApiOperation } from "../../../http/openapi.js";
import { parseId } from "../../../http/params.js";
import { pauseMonitor, resumeMonitor } from "./pause-monitor.js";

/** The monitors table's REST path: the actions are sub-resources of its rows. */
export const MONITORS_PATH = "/monitoring/monitors";

export function monitorCheckRoutes(deps: Pick<Deps, "prisma">): Router {
  const router = Router();
  router.post(
    `${MONITORS_PATH}/:id/pause`,
    asyncRoute(async (req, res) => {
      res.json(await pauseMonitor(deps.prisma, parseId(req.params.id, "monitor")));
    }),
  );
  router.post(
    `${MONITORS_PATH}/:id/resume`,
    asyncRoute(async (req, res) => {
      res.json(await resumeMonitor(deps.prisma, parseId(req.params.id, "monitor")));
    }),
  );
  return router;
}

/** These routes in the OpenAPI document. */
export const MONITOR_CHECK_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: `${MONITORS_PATH}/{id}/pause`,
    tag: "monitoring",
    summary: "Pauses a monitor: no check runs until it is resumed",
    permission: "monitoring.configure_alerts",
    idType: "integer",
    responses: {
      200: { description: "The monitor, paused", record: "Monitor" },
      409: { description: "The monitor is already paused" },
    },
  },
  {
    method: "post",
    path: `${MONITORS_PATH}/{id}/resume`,
    tag: "monitoring",
    summary: "Resumes a paused monitor, checked at the next round",
    permission: "monitoring.configure_alerts",
    idType: "integer",
    responses: {
      200: { description: "The monitor, enabled", record: "Monitor" },
      409: { description: "The monitor is not paused" },
    },
  },
];
