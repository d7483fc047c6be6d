// Backups and restore of site configurations (issue 14, item 6; spec permissions sites.backup and
// monitoring.backup).
//
// What "the current config" is: a site's configuration lives in site_configs, one row per version
// (unique site_id, version). Nothing else holds it: the wizard webhook files AI requests, not configs,
// and admins write configs through the table's generic create and edit (a new version, or an edit of a
// version in place). So the current config is the site's highest version, and a backup is a labelled
// snapshot of it: a new version with the same config_data, kind manual or daily, who made it and a
// note. A restore is a new version too (kind restore, restored_from = the chosen version): the current
// version stays as it was, so nothing is ever lost. Snapshots are frozen by a trigger (migration
// site_config_backups): no path edits a backup afterwards.
//
// Races: every write here takes a per-site transaction-scoped advisory lock, so two backups or restores
// of one site get consecutive versions; a generic insert that takes the same version number meanwhile
// makes the loser answer 409, never 500.
import { Prisma, type PrismaClient, type SiteConfigKind } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { writeAudit } from "../../../lib/audit.js";
import { currentContext, type CurrentAdmin } from "../../../lib/request-context.js";
import { can } from "../../auth/index.js";
import { diffConfigs, type ConfigDiff } from "./rules/config-diff.js";

export interface BackupDeps {
  prisma: PrismaClient;
}

/** The kinds a backup or a restore writes (kind edit is any other write of a version). */
export const SNAPSHOT_KINDS: readonly SiteConfigKind[] = ["manual", "daily", "restore"];

/** Why a backup, a restore or a read was refused: the screens word each reason in the admin's language. */
export type BackupRefusalReason = "noSite" | "noVersion" | "noConfig" | "currentMoved" | "isCurrent" | "race";

export class BackupRefusal extends AppError {
  constructor(
    readonly reason: BackupRefusalReason,
    code: "not_found" | "conflict",
    message: string,
    errors?: { field: string; message: string }[],
  ) {
    super(code, message, errors);
  }
}

/** Advisory lock class of the site_configs writes of this module (the second key is the site id). */
const LOCK_CLASS = 1_407_006;

export interface VersionSummary {
  id: number;
  version: number;
  kind: SiteConfigKind;
  note: string | null;
  createdAt: string;
  createdBy: { id: number; name: string } | null;
  restoredFrom: number | null;
  /** The site's current config (its highest version). */
  current: boolean;
}

export interface VersionDetail extends VersionSummary {
  siteId: number;
  configData: unknown;
}

export interface VersionDiff extends ConfigDiff {
  siteId: number;
  from: number;
  to: number;
}

/**
 * Reads need sites.view (or monitoring.view: the monitoring screens show a site's backups); writes
 * need sites.backup or monitoring.backup, which the spec both names for backups and restores.
 */
export function requireBackupAccess(access: "read" | "write"): CurrentAdmin {
  const admin = currentContext()?.admin ?? null;
  if (!admin) throw new AppError("unauthenticated", "An admin must be logged in");
  const ok =
    access === "read"
      ? can(admin, "sites", "view") || can(admin, "monitoring", "view")
      : can(admin, "sites", "backup") || can(admin, "monitoring", "backup");
  if (!ok) {
    throw new AppError(
      "forbidden",
      access === "read"
        ? "This needs the permission sites.view"
        : "This needs the permission sites.backup (or monitoring.backup)",
    );
  }
  return admin;
}

const SUMMARY_SELECT = {
  id: true,
  siteId: true,
  version: true,
  kind: true,
  note: true,
  createdAt: true,
  restoredFrom: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.SiteConfigSelect;

type SummaryRow = Prisma.SiteConfigGetPayload<{ select: typeof SUMMARY_SELECT }>;

function summary(row: SummaryRow, currentVersion: number | null): VersionSummary {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    restoredFrom: row.restoredFrom,
    current: row.version === currentVersion,
  };
}

async function requireSite(prisma: PrismaClient | Prisma.TransactionClient, siteId: number): Promise<void> {
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { id: true } });
  if (!site) throw new BackupRefusal("noSite", "not_found", "No such site");
}

async function currentVersionOf(prisma: PrismaClient | Prisma.TransactionClient, siteId: number) {
  return prisma.siteConfig.findFirst({
    where: { siteId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, configData: true, kind: true },
  });
}

/** A site's versions, newest first (at most `limit`), with who made each, when, how. */
export async function listVersions(
  deps: BackupDeps,
  siteId: number,
  limit = 100,
): Promise<{ siteId: number; currentVersion: number | null; versions: VersionSummary[] }> {
  requireBackupAccess("read");
  await requireSite(deps.prisma, siteId);
  const rows = await deps.prisma.siteConfig.findMany({
    where: { siteId },
    orderBy: { version: "desc" },
    take: limit,
    select: SUMMARY_SELECT,
  });
  const currentVersion = rows[0]?.version ?? null;
  return { siteId, currentVersion, versions: rows.map((r) => summary(r, currentVersion)) };
}

async function findVersion(
  prisma: PrismaClient | Prisma.TransactionClient,
  siteId: number,
  version: number,
  field: string,
) {
  const row = await prisma.siteConfig.findUnique({
    where: { siteId_version: { siteId, version } },
    select: { ...SUMMARY_SELECT, configData: true },
  });
  if (!row) {
    throw new BackupRefusal("noVersion", "not_found", `The site has no version ${version}`, [
      { field, message: `no version ${version} of this site` },
    ]);
  }
  return row;
}

/** One version with its config. */
export async function getVersion(deps: BackupDeps, siteId: number, version: number): Promise<VersionDetail> {
  requireBackupAccess("read");
  await requireSite(deps.prisma, siteId);
  const row = await findVersion(deps.prisma, siteId, version, "version");
  const current = await currentVersionOf(deps.prisma, siteId);
  return { ...summary(row, current?.version ?? null), siteId, configData: row.configData };
}

/** What changed from version `from` to version `to` (either may be the older). */
export async function diffVersions(deps: BackupDeps, siteId: number, from: number, to: number): Promise<VersionDiff> {
  requireBackupAccess("read");
  await requireSite(deps.prisma, siteId);
  const [a, b] = [
    await findVersion(deps.prisma, siteId, from, "from"),
    await findVersion(deps.prisma, siteId, to, "to"),
  ];
  return { siteId, from, to, ...diffConfigs(a.configData, b.configData) };
}

/** A download name: site-<id>-config-v<version>.json. */
export function downloadName(siteId: number, version: number): string {
  return `site-${siteId}-config-v${version}.json`;
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

interface SnapshotInput {
  kind: SiteConfigKind;
  note: string | null;
  createdById: number | null;
  /** The version whose config the snapshot copies (the current one for a backup). */
  source: "current" | number;
  /** A restore's guard: the current version the admin saw; 409 when it moved since. */
  expectedCurrent?: number;
  /** The daily job's rule: write only when the current config differs from the latest snapshot. */
  onlyIfChanged?: boolean;
}

/**
 * Writes one snapshot version under the site's lock, with its audit row, in one transaction. Returns
 * null when `onlyIfChanged` finds nothing new.
 */
async function writeSnapshot(deps: BackupDeps, siteId: number, input: SnapshotInput): Promise<VersionSummary | null> {
  try {
    return await deps.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${siteId}::int)`;
      await requireSite(tx, siteId);
      const current = await currentVersionOf(tx, siteId);
      if (!current) throw new BackupRefusal("noConfig", "conflict", "The site has no configuration to back up yet");
      if (input.expectedCurrent !== undefined && input.expectedCurrent !== current.version) {
        throw new BackupRefusal(
          "currentMoved",
          "conflict",
          `The current version is now ${current.version}, not ${input.expectedCurrent}; reload and try again`,
          [{ field: "expectedCurrent", message: `the current version is now ${current.version}` }],
        );
      }
      if (input.onlyIfChanged && !(await changedSinceLastSnapshot(tx, siteId, current.version))) return null;
      let configData = current.configData;
      if (typeof input.source === "number") {
        if (input.source === current.version) {
          throw new BackupRefusal(
            "isCurrent",
            "conflict",
            `Version ${input.source} is the current configuration, nothing to restore`,
            [{ field: "version", message: "is the current configuration" }],
          );
        }
        configData = (await findVersion(tx, siteId, input.source, "version")).configData;
      }
      const row = await tx.siteConfig.create({
        data: {
          siteId,
          version: current.version + 1,
          configData: configData as Prisma.InputJsonValue,
          kind: input.kind,
          note: input.note,
          createdById: input.createdById,
          restoredFrom: typeof input.source === "number" ? input.source : null,
        },
        select: SUMMARY_SELECT,
      });
      await writeAudit(tx, {
        action: input.kind === "restore" ? "restore" : "backup",
        resourceType: "site_configs",
        resourceId: row.id,
        ...(input.kind === "restore"
          ? { before: { siteId, version: current.version, configData: current.configData } }
          : {}),
        after: {
          siteId,
          version: row.version,
          kind: row.kind,
          note: row.note,
          ...(input.kind === "restore" ? { restoredFrom: input.source, configData } : { copiedFrom: current.version }),
        },
        ...(input.createdById === null ? { adminId: null } : {}),
      });
      return summary(row, row.version);
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new BackupRefusal(
        "race",
        "conflict",
        "Another version of this site was written at the same moment, try again",
      );
    }
    throw err;
  }
}

/** True when the site's current config differs from its latest snapshot, or it has none. */
async function changedSinceLastSnapshot(tx: Prisma.TransactionClient, siteId: number, currentVersion: number) {
  const rows = await tx.$queryRaw<{ changed: boolean }[]>`
    SELECT NOT EXISTS (
      SELECT 1 FROM site_configs s, site_configs c
       WHERE c.site_id = ${siteId} AND c.version = ${currentVersion}
         AND s.id = (SELECT id FROM site_configs WHERE site_id = ${siteId} AND kind <> 'edit'
                      ORDER BY version DESC LIMIT 1)
         AND s.config_data = c.config_data
    ) AS changed`;
  return rows[0]?.changed ?? true;
}

export interface BackupInput {
  note?: string | null;
}

/** "Back up now": a manual snapshot of the current config. */
export async function backupSite(deps: BackupDeps, siteId: number, input: BackupInput = {}): Promise<VersionSummary> {
  const admin = requireBackupAccess("write");
  const written = await writeSnapshot(deps, siteId, {
    kind: "manual",
    note: input.note ?? null,
    createdById: admin.id,
    source: "current",
  });
  return written!;
}

export interface RestoreInput {
  note?: string | null;
  /** The current version the admin saw when choosing; a newer one meanwhile answers 409. */
  expectedCurrent?: number;
}

/** Restores version `version`: a new version with its config; the current one stays as it was. */
export async function restoreVersion(
  deps: BackupDeps,
  siteId: number,
  version: number,
  input: RestoreInput = {},
): Promise<VersionSummary> {
  const admin = requireBackupAccess("write");
  const written = await writeSnapshot(deps, siteId, {
    kind: "restore",
    note: input.note ?? null,
    createdById: admin.id,
    source: version,
    ...(input.expectedCurrent !== undefined ? { expectedCurrent: input.expectedCurrent } : {}),
  });
  return written!;
}

export interface DailyBackupResult {
  /** Sites whose current config differed from their latest snapshot when the run began. */
  candidates: number;
  backedUp: number[];
}

/**
 * The daily backup (a system action, no admin): a snapshot of each site whose current config differs
 * from its latest snapshot, or that has none. Idempotent: a second run finds every snapshot current;
 * each site is checked again under its lock, so two runs at once write one snapshot per site.
 */
export async function dailyBackups(deps: BackupDeps): Promise<DailyBackupResult> {
  const candidates = await deps.prisma.$queryRaw<{ site_id: number }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (site_id) site_id, config_data FROM site_configs ORDER BY site_id, version DESC
    ), snapshot AS (
      SELECT DISTINCT ON (site_id) site_id, config_data FROM site_configs WHERE kind <> 'edit'
       ORDER BY site_id, version DESC
    )
    SELECT l.site_id FROM latest l LEFT JOIN snapshot s ON s.site_id = l.site_id
     WHERE s.site_id IS NULL OR s.config_data <> l.config_data
     ORDER BY l.site_id`;
  const backedUp: number[] = [];
  for (const { site_id: siteId } of candidates) {
    try {
      const written = await writeSnapshot(deps, siteId, {
        kind: "daily",
        note: null,
        createdById: null,
        source: "current",
        onlyIfChanged: true,
      });
      if (written) backedUp.push(siteId);
    } catch (err) {
      // A site deleted or written at the same moment is left for the next run; the others go on.
      if (!(err instanceof AppError && (err.code === "not_found" || err.code === "conflict"))) throw err;
    }
  }
  return { candidates: candidates.length, backedUp };
}
