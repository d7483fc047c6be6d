// REST /admin/api/v1/sites/sites/{id}/backups (issue 14, item 8): a site's config versions, the diff of
// two, one as a JSON download, a backup now, a restore. The backups are a sub-resource of the site's row
// (/sites/sites/{id}, the table's path), as the AI queue's actions are of theirs: the shorter
// /sites/{id}/backups the issue names would make every path of the sites tables ambiguous
// (/sites/sites/{id} matches both), so it answers 308 to the canonical path, method and body kept. Reads need sites.view, writes sites.backup (or
// monitoring.backup); the service checks both on every path. The same download is served to the
// admin's session under /admin (a browser link cannot send a bearer token).
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { storable } from "../../../lib/input-rules.js";
import { AppError, fieldErrorsFromZod } from "../../../lib/errors.js";
import { parseBody, parseId } from "../../../http/params.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import type { ApiOperation } from "../../../http/openapi.js";
import {
  backupSite,
  diffVersions,
  downloadName,
  getVersion,
  listVersions,
  restoreVersion,
  type BackupDeps,
} from "./service.js";

const MAX_VERSION = 2 ** 31 - 1;
const versionNumber = (field: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `${field} must be a version number (1, 2...)`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_VERSION, `${field} must be between 1 and ${MAX_VERSION}`);
const note = z.string().trim().max(500).superRefine(storable).nullish().describe("why, in a few words (500 at most)");

export const ZBackupBody = z.object({ note }).strict();
export const ZRestoreBody = z
  .object({
    note,
    expectedCurrent: z
      .number()
      .int()
      .min(1)
      .max(MAX_VERSION)
      .optional()
      .describe("the current version the caller saw; 409 when another version was written since"),
  })
  .strict();
export const ZDiffQuery = z
  .object({
    from: versionNumber("from").describe("the older version"),
    to: versionNumber("to").describe("the newer version"),
  })
  .strict();
const ZListQuery = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .refine((n) => n >= 1 && n <= 500)
      .optional(),
  })
  .strict();

/**
 * The path's version: 404 naming `version` for anything that cannot be one (as parseId answers for an
 * id), since no version can have it.
 */
function versionParam(raw: string | undefined): number {
  const parsed = z.object({ version: versionNumber("version") }).safeParse({ version: raw ?? "" });
  if (parsed.success) return parsed.data.version;
  throw new AppError("not_found", "No such version", fieldErrorsFromZod(parsed.error));
}

export const BACKUPS_PATH = "/sites/sites/:id/backups";
/** The shorter path: a site id (digits only, so /sites/sites/... is never taken for one). */
const SHORT_PATH = "/sites/:id(\\d{1,10})/backups";
const siteId = (req: Request) => parseId(req.params.id, "site");

async function sendDownload(deps: BackupDeps, req: Request, res: Response): Promise<void> {
  const id = siteId(req);
  const version = versionParam(req.params.version);
  const detail = await getVersion(deps, id, version);
  res
    .status(200)
    .type("application/json")
    .set("Content-Disposition", `attachment; filename="${downloadName(id, version)}"`)
    .set("Cache-Control", "no-store")
    .send(`${JSON.stringify(detail.configData, null, 2)}\n`);
}

/** Behind the bearer guard of /admin/api/v1. */
export function siteBackupRoutes(deps: BackupDeps): Router {
  const router = Router();
  router.all([SHORT_PATH, `${SHORT_PATH}/*`], (req, res) => {
    const rest = req.path.slice(req.path.indexOf("/backups") + "/backups".length);
    const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
    res.redirect(308, `${req.baseUrl}/sites/sites/${req.params.id}/backups${rest}${query}`);
  });
  router.get(
    BACKUPS_PATH,
    asyncRoute(async (req, res) => {
      const { limit } = parseBody(ZListQuery, req.query);
      res.json(await listVersions(deps, siteId(req), limit));
    }),
  );
  router.post(
    BACKUPS_PATH,
    asyncRoute(async (req, res) => {
      const id = siteId(req);
      const body = parseBody(ZBackupBody, req.body ?? {});
      res.status(201).json(await backupSite(deps, id, { note: body.note ?? null }));
    }),
  );
  // Before /:version, which would take "diff" for a version.
  router.get(
    `${BACKUPS_PATH}/diff`,
    asyncRoute(async (req, res) => {
      const id = siteId(req);
      const { from, to } = parseBody(ZDiffQuery, req.query);
      res.json(await diffVersions(deps, id, from, to));
    }),
  );
  router.get(
    `${BACKUPS_PATH}/:version`,
    asyncRoute(async (req, res) => {
      res.json(await getVersion(deps, siteId(req), versionParam(req.params.version)));
    }),
  );
  router.get(
    `${BACKUPS_PATH}/:version/download`,
    asyncRoute((req, res) => sendDownload(deps, req, res)),
  );
  router.post(
    `${BACKUPS_PATH}/:version/restore`,
    asyncRoute(async (req, res) => {
      const id = siteId(req);
      // The body first: a refusal of it names its fields whatever the path holds.
      const body = parseBody(ZRestoreBody, req.body ?? {});
      const version = versionParam(req.params.version);
      res.status(201).json(
        await restoreVersion(deps, id, version, {
          note: body.note ?? null,
          ...(body.expectedCurrent !== undefined ? { expectedCurrent: body.expectedCurrent } : {}),
        }),
      );
    }),
  );
  return router;
}

/** The download for the AdminJS screen, under /admin behind the session. */
export function siteBackupDownloadRoutes(deps: BackupDeps): Router {
  const router = Router();
  router.get(
    `${BACKUPS_PATH}/:version/download`,
    asyncRoute(async (req, res) => {
      if (!req.admin) {
        res.redirect(302, "/admin/login");
        return;
      }
      await sendDownload(deps, req, res);
    }),
  );
  return router;
}

// ---------------------------------------------------------------------------------------------
// OpenAPI
// ---------------------------------------------------------------------------------------------

const ZKind = z.enum(["edit", "manual", "daily", "restore"]).meta({
  description: "edit: written by the wizard or an edit; manual, daily: a backup; restore: a restore's copy",
});
const ZVersion = z.object({
  id: z.number().int(),
  version: z.number().int(),
  kind: ZKind,
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable().meta({ description: "null: the system" }),
  restoredFrom: z.number().int().nullable().meta({ description: "the version a restore copied" }),
  current: z.boolean().meta({ description: "the site's current config (its highest version)" }),
});
const ZVersionDetail = ZVersion.extend({ siteId: z.number().int(), configData: z.unknown() });
const ZVersionList = z.object({
  siteId: z.number().int(),
  currentVersion: z.number().int().nullable(),
  versions: z.array(ZVersion),
});
const ZDiff = z.object({
  siteId: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({
      path: z.string().meta({ description: "the key's path: seo.title, pages[2].title" }),
      kind: z.enum(["changed", "added", "removed"]),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
    }),
  ),
  counts: z.object({ changed: z.number().int(), added: z.number().int(), removed: z.number().int() }),
});

const VERSION_PARAM = { version: { type: "integer" as const, description: "the version number" } };
const WRITE_NOTE = "`monitoring.backup` grants it too.";
const READ_NOTE = "`monitoring.view` grants it too.";

export const SITE_BACKUP_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/sites/sites/{id}/backups",
    tag: "sites",
    summary: "A site's config versions, newest first, with who made each, when and how",
    description: READ_NOTE,
    permission: "sites.view",
    idType: "integer",
    query: ZListQuery,
    responses: {
      200: { description: "The versions (at most `limit`, 100 by default)", schema: { name: "SiteConfigVersions", schema: ZVersionList } }, // prettier-ignore
      404: { description: "No such site" },
    },
  },
  {
    method: "post",
    path: "/sites/sites/{id}/backups",
    tag: "sites",
    summary: "Back up now: a new version holding the current config, labelled manual",
    description: WRITE_NOTE,
    permission: "sites.backup",
    idType: "integer",
    body: { name: "SiteBackup", schema: ZBackupBody },
    example: { note: "Before the spring redesign" },
    responses: {
      201: { description: "The backup", schema: { name: "SiteConfigVersion", schema: ZVersion } },
      404: { description: "No such site" },
      409: { description: "The site has no config yet, or another version was written at the same moment" },
    },
  },
  {
    method: "get",
    path: "/sites/sites/{id}/backups/diff",
    tag: "sites",
    summary: "What changed between two versions: each key's path, old and new value",
    description: READ_NOTE,
    permission: "sites.view",
    idType: "integer",
    query: ZDiffQuery,
    responses: {
      200: { description: "The changed, added and removed keys", schema: { name: "SiteConfigDiff", schema: ZDiff } },
      404: { description: "No such site, or no such version (`errors` names from or to)" },
    },
  },
  {
    method: "get",
    path: "/sites/sites/{id}/backups/{version}",
    tag: "sites",
    summary: "One version with its config",
    description: READ_NOTE,
    permission: "sites.view",
    idType: "integer",
    pathParams: VERSION_PARAM,
    responses: {
      200: { description: "The version", schema: { name: "SiteConfigVersionDetail", schema: ZVersionDetail } },
      404: { description: "No such site or version" },
    },
  },
  {
    method: "get",
    path: "/sites/sites/{id}/backups/{version}/download",
    tag: "sites",
    summary: "One version's config as a JSON file",
    description: READ_NOTE,
    permission: "sites.view",
    idType: "integer",
    pathParams: VERSION_PARAM,
    responses: {
      200: {
        description: "The config, as an attachment",
        contentType: "application/json",
        headers: { "Content-Disposition": "attachment; filename=site-<id>-config-v<version>.json" },
      },
      404: { description: "No such site or version" },
    },
  },
  {
    method: "post",
    path: "/sites/sites/{id}/backups/{version}/restore",
    tag: "sites",
    summary: "Restore a version: a new version equal to it; the current one is kept",
    description: WRITE_NOTE,
    permission: "sites.backup",
    idType: "integer",
    pathParams: VERSION_PARAM,
    body: { name: "SiteRestore", schema: ZRestoreBody },
    example: { note: "Back to the March version", expectedCurrent: 7 },
    responses: {
      201: { description: "The new current version", schema: { name: "SiteConfigVersion", schema: ZVersion } },
      404: { description: "No such site or version" },
      409: { description: "The version is the current one, or the current version moved (expectedCurrent)" },
    },
  },
];
