// "Sites get a monitor when they go active": an active site with a domain gets an http, an ssl and a dns
// monitor (the defaults of the monitors table: every 5 minutes for http, hourly for ssl and dns).
// Idempotent through the unique (site_id, type, target): a monitor that exists (or one an admin
// created, edited or paused) is left as it is. Runs in the transaction of the site's write.
import type { Prisma, SiteStatus } from "@prisma/client";
import { auditRecord } from "../../../lib/audit.js";

export interface SiteFacts {
  id: number;
  domain: string | null;
  status: SiteStatus;
}

/** Whether a site's write makes it need its monitors: it is active with a domain, newly so or on a new domain. */
export function goesLive(before: SiteFacts | null, after: SiteFacts): boolean {
  if (after.status !== "active" || !after.domain) return false;
  return !before || before.status !== "active" || before.domain !== after.domain;
}

const CREATE_SQL = `
  INSERT INTO monitors (site_id, type, target, interval_seconds, updated_at)
  SELECT $1, m.type::check_type, m.target, m.interval_seconds, now()
  FROM jsonb_to_recordset($2::jsonb) AS m(type text, target text, interval_seconds int)
  ON CONFLICT (site_id, type, target) DO NOTHING
  RETURNING id, site_id AS "siteId", type::text AS type, target, interval_seconds AS "intervalSeconds",
    enabled, next_check_at AS "nextCheckAt"`;

/** Creates the site's missing http, ssl and dns monitors; returns those created. */
export async function ensureSiteMonitors(tx: Prisma.TransactionClient, site: SiteFacts): Promise<number[]> {
  if (site.status !== "active" || !site.domain) return [];
  const wanted = [
    { type: "http", target: `https://${site.domain}/`, interval_seconds: 300 },
    { type: "ssl", target: site.domain, interval_seconds: 3600 },
    { type: "dns", target: site.domain, interval_seconds: 3600 },
  ];
  const created = await tx.$queryRawUnsafe<Record<string, unknown>[]>(CREATE_SQL, site.id, JSON.stringify(wanted));
  if (created.length) {
    await tx.adminActivityLog.createMany({
      data: created.map((row) =>
        auditRecord({ action: "create", resourceType: "monitors", resourceId: row.id as number, after: row }),
      ),
    });
  }
  return created.map((row) => row.id as number);
}
