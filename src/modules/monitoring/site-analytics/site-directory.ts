// Which active site a host belongs to, for /collect: the active sites' domains, read once and then
// again every half minute (a site that goes live is counted within 30 s; one that stops, refused).
import type pg from "pg";
import { siteHost } from "./rules/visitor.js";

const FRESH_MS = 30_000;
/** An unknown host triggers a reload at most this often, so a flood of bad hosts costs no queries. */
const MISS_RELOAD_MS = 5_000;

export interface SiteDirectory {
  /** The site id of an active site's domain (already passed through siteHost), or null. */
  siteOf(host: string): Promise<number | null>;
}

export function siteDirectory(pool: Pick<pg.Pool, "query">, clock: () => number = Date.now): SiteDirectory {
  let sites = new Map<string, number>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  const reload = () => {
    loading ??= pool
      .query<{ id: number; domain: string }>(
        "SELECT id, domain FROM sites WHERE status = 'active' AND domain IS NOT NULL",
      )
      .then(({ rows }) => {
        sites = new Map(rows.map((row) => [siteHost(row.domain), row.id]));
        loadedAt = clock();
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
  return {
    async siteOf(host) {
      const age = clock() - loadedAt;
      if (age > FRESH_MS || (!sites.has(host) && age > MISS_RELOAD_MS)) await reload();
      return sites.get(host) ?? null;
    },
  };
}
