// Factories for monitors (and the site they watch).
import type { Prisma, PrismaClient } from "@prisma/client";
import { makeSite } from "./admin-resources.js";

/** A monitor, due now; its site is made when `siteId` is not given. */
export async function makeMonitor(prisma: PrismaClient, overrides: Partial<Prisma.MonitorUncheckedCreateInput> = {}) {
  const siteId = overrides.siteId ?? (await makeSite(prisma, { status: "active" })).id;
  return prisma.monitor.create({
    data: {
      type: "http",
      target: `http://127.0.0.1:9/${siteId}`,
      nextCheckAt: new Date(Date.now() - 1_000),
      ...overrides,
      siteId,
    },
  });
}
