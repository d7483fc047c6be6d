// The live sites' monitors (HTTP, SSL and DNS each), their incidents (one open for each site down, some
// resolved over the last weeks) and two maintenance windows, consistent with the site checks.
import type { Prisma } from "@prisma/client";
import type { DemoSite } from "./customers.js";
import { createRng } from "./random.js";
import type { Staff } from "./staff.js";
import { addMs, DAY, HOUR, MINUTE } from "./time.js";

export interface DemoMonitoring {
  monitors: Prisma.MonitorCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
  maintenanceWindows: Prisma.MaintenanceWindowCreateManyInput[];
}

const RESOLVED_CAUSES = [
  "HTTP 503 Service Unavailable",
  "HTTP 502 Bad Gateway",
  "timeout of 10000ms exceeded",
] as const;

export function buildMonitors(
  seed: number,
  now: Date,
  sites: readonly DemoSite[],
  checks: { downSiteIds: readonly number[]; expiredCertificateSiteId: number },
  staff: Staff,
): DemoMonitoring {
  const rng = createRng(seed, "monitors");
  const live = sites.filter((s) => s.status === "active" && s.domain !== null);
  const monitors: Prisma.MonitorCreateManyInput[] = [];
  const incidents: Prisma.IncidentCreateManyInput[] = [];
  const httpMonitor = new Map<number, number>();
  const sslMonitor = new Map<number, number>();

  for (const site of live) {
    const down = checks.downSiteIds.includes(site.id);
    const expired = site.id === checks.expiredCertificateSiteId;
    const lastCheckedAt = addMs(now, -rng.int(1, 4) * MINUTE);
    const common = {
      siteId: site.id,
      lastCheckedAt,
      nextCheckAt: addMs(lastCheckedAt, 5 * MINUTE),
      createdAt: site.liveFrom!,
      updatedAt: lastCheckedAt,
    };
    monitors.push({
      ...common,
      id: monitors.length + 1,
      type: "http",
      target: `https://${site.domain}/`,
      state: down ? "down" : "up",
      consecutiveFailures: down ? 6 : 0,
      consecutiveSuccesses: down ? 0 : 12,
    });
    httpMonitor.set(site.id, monitors.length);
    monitors.push({
      ...common,
      id: monitors.length + 1,
      type: "ssl",
      target: site.domain!,
      intervalSeconds: 3600,
      state: expired ? "down" : "up",
      consecutiveFailures: expired ? 4 : 0,
      consecutiveSuccesses: expired ? 0 : 5,
    });
    sslMonitor.set(site.id, monitors.length);
    monitors.push({
      ...common,
      id: monitors.length + 1,
      type: "dns",
      target: site.domain!,
      intervalSeconds: 3600,
      state: "up",
      consecutiveSuccesses: 5,
    });
  }

  // Open incidents: the sites down now, and the expired certificate (acknowledged by the admin).
  for (const siteId of checks.downSiteIds) {
    incidents.push({
      siteId,
      monitorId: httpMonitor.get(siteId)!,
      cause: "connect ETIMEDOUT",
      openedAt: addMs(now, -8 * HOUR - rng.int(5, 40) * MINUTE),
    });
  }
  const expiredAt = addMs(now, -3 * DAY + 15 * MINUTE);
  incidents.push({
    siteId: checks.expiredCertificateSiteId,
    monitorId: sslMonitor.get(checks.expiredCertificateSiteId)!,
    cause: "certificate has expired",
    openedAt: expiredAt,
    acknowledgedById: staff.admin,
    acknowledgedAt: addMs(expiredAt, 42 * MINUTE),
  });
  // Resolved outages over the last 30 days.
  for (const site of rng.sample(live, Math.min(6, live.length))) {
    const openedAt = addMs(now, -rng.int(2, 30) * DAY - rng.int(0, 23) * HOUR);
    if (openedAt.getTime() < site.liveFrom!.getTime()) continue;
    const acknowledged = rng.chance(0.7);
    incidents.push({
      siteId: site.id,
      monitorId: httpMonitor.get(site.id)!,
      cause: rng.pick(RESOLVED_CAUSES),
      openedAt,
      acknowledgedById: acknowledged ? rng.pick([staff.admin, staff.editor]) : null,
      acknowledgedAt: acknowledged ? addMs(openedAt, rng.int(3, 30) * MINUTE) : null,
      resolvedAt: addMs(openedAt, rng.int(10, 180) * MINUTE),
    });
  }
  incidents.sort((a, b) => (a.openedAt as Date).getTime() - (b.openedAt as Date).getTime());
  incidents.forEach((incident, i) => (incident.id = i + 1));

  const maintenanceWindows: Prisma.MaintenanceWindowCreateManyInput[] = [
    {
      id: 1,
      siteId: null,
      title: "Mises à jour du serveur (dimanche 3 h)",
      kind: "weekly",
      weekday: 0,
      startMinute: 3 * 60,
      durationMinutes: 30,
      createdById: staff.superAdmin,
      createdAt: addMs(now, -60 * DAY),
    },
  ];
  const planned = live[0];
  if (planned) {
    const startsAt = addMs(now, 2 * DAY + 2 * HOUR);
    maintenanceWindows.push({
      id: 2,
      siteId: planned.id,
      title: `Migration de l'hébergement de ${planned.name}`,
      kind: "one_off",
      startsAt,
      endsAt: addMs(startsAt, 2 * HOUR),
      createdById: staff.admin,
      createdAt: addMs(now, -1 * DAY),
    });
  }
  return { monitors, incidents, maintenanceWindows };
}
