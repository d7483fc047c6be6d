// REST POST /admin/api/v1/monitoring/incidents/{id}/acknowledge: the same use case as the incident's
// page and the e-mail link, with monitoring.configure_alerts.
import { Router } from "express";
import type { PrismaClient } from "@prisma/client";
import type { ApiOperation } from "../../../http/openapi.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import { parseId } from "../../../http/params.js";
import { acknowledgeIncident } from "./acknowledge.js";

const INCIDENTS_PATH = "/monitoring/incidents";

export function alertRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.post(
    `${INCIDENTS_PATH}/:id/acknowledge`,
    asyncRoute(async (req, res) => {
      res.json(await acknowledgeIncident(deps.prisma, parseId(req.params.id, "incident")));
    }),
  );
  return router;
}

export const ALERT_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: `${INCIDENTS_PATH}/{id}/acknowledge`,
    tag: "monitoring",
    summary: "Acknowledge an open incident: the caller takes it; it stops escalating and reminding",
    permission: "monitoring.configure_alerts",
    idType: "integer",
    responses: {
      200: { description: "The incident, acknowledged by the caller", record: "Incident" },
      409: { description: "The incident is already acknowledged or resolved" },
    },
  },
];
