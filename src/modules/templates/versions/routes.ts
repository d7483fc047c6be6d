// REST /admin/api/v1/templates: versions (create, diff, activate, rollback), usage analytics and the
// live preview. Thin callers of the same use cases as the back-office's template page.
import { Router } from "express";
import { z } from "zod";
import type { Deps } from "../../../deps.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import type { ApiOperation } from "../../../http/openapi.js";
import { parseBody, parseId } from "../../../http/params.js";
import { previewTemplate } from "../preview/preview-template.js";
import { templateUsage } from "../usage/template-usage.js";
import { activateVersion, rollbackTemplate } from "./activate-version.js";
import { createVersion } from "./create-version.js";
import { diffVersions } from "./diff-versions.js";

const TEMPLATES_PATH = "/templates/templates";
const VERSIONS_PATH = "/templates/template_versions";

const id = z.string().regex(/^\d{1,9}$/, "a positive whole number");
const ZConfig = z.record(z.string(), z.unknown()).meta({ description: "The template's configuration (JSON object)" });

export const ZNewVersion = z.strictObject({
  version: z.string().max(64).meta({ description: "Semantic version after every existing one: 1.3.0, 1.3.0-beta" }),
  changelog: z.string().trim().min(1, "Say what changed").max(5000),
  configData: ZConfig,
});
export const ZActivate = z.strictObject({
  reason: z.string().trim().max(500).optional().meta({ description: "Kept in the audit trail" }),
});
export const ZDiffQuery = z.strictObject({
  from: id.describe("the version compared from"),
  to: id.describe("the version compared to"),
});
export const ZUsageQuery = z.strictObject({
  months: z
    .string()
    .regex(/^([1-9]|[1-3][0-9])$/, "1 to 36")
    .optional()
    .describe("months of the over-time series (12 when absent)"),
});
const ZBusiness = z.strictObject({
  name: z.string().max(120).optional(),
  trade: z.string().max(120).optional(),
  city: z.string().max(120).optional(),
  phone: z.string().max(40).optional(),
  email: z.string().max(200).optional(),
  tagline: z.string().max(200).optional(),
});
export const ZPreviewBody = z.strictObject({
  templateId: z.number().int().positive().optional().meta({ description: "Its category picks the sample business" }),
  category: z.string().max(60).optional().meta({ description: "Without a template: the sample's category" }),
  config: z.unknown().meta({ description: "The configuration as typed in the editor (checked, not saved)" }),
  business: ZBusiness.optional().meta({ description: "The sample business's fields changed in the editor" }),
});

const ZChange = z.object({
  path: z.string().meta({ description: "palette.primary, sections[2]" }),
  kind: z.enum(["added", "removed", "changed"]),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
const ZVersionRef = z.object({
  id: z.number().int(),
  templateId: z.number().int(),
  version: z.string(),
  isActive: z.boolean(),
  changelog: z.string().nullable(),
  createdAt: z.iso.datetime(),
  author: z.string().nullable(),
});
const ZDiff = z.object({ from: ZVersionRef, to: ZVersionRef, changes: z.array(ZChange) });
const ZUsage = z.object({
  templateId: z.number().int(),
  sites: z.number().int(),
  byVersion: z.array(
    z.object({ versionId: z.number().int(), version: z.string(), isActive: z.boolean(), sites: z.number().int() }),
  ),
  byPlan: z.array(z.object({ plan: z.string(), sites: z.number().int() })),
  overTime: z.array(
    z.object({
      month: z.string().meta({ description: "YYYY-MM (UTC)" }),
      versionId: z.number().int().nullable(),
      sites: z.number().int(),
    }),
  ),
});
const ZPreview = z.object({
  html: z.string().meta({ description: "A standalone page, for a sandboxed iframe (no scripts)" }),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  business: ZBusiness.required(),
});

export function templateVersionRoutes(deps: Pick<Deps, "prisma">): Router {
  const router = Router();
  router.post(
    `${TEMPLATES_PATH}/:id/versions`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZNewVersion, req.body ?? {});
      res.status(201).json(await createVersion(deps.prisma, parseId(req.params.id, "template"), body));
    }),
  );
  router.post(
    `${TEMPLATES_PATH}/:id/rollback`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZActivate, req.body ?? {});
      res.json(await rollbackTemplate(deps.prisma, parseId(req.params.id, "template"), body));
    }),
  );
  router.get(
    `${TEMPLATES_PATH}/:id/usage`,
    asyncRoute(async (req, res) => {
      const q = parseBody(ZUsageQuery, req.query ?? {});
      const months = q.months ? Number(q.months) : undefined;
      res.json(await templateUsage(deps.prisma, parseId(req.params.id, "template"), { months }));
    }),
  );
  router.get(
    `${VERSIONS_PATH}/diff`,
    asyncRoute(async (req, res) => {
      const q = parseBody(ZDiffQuery, req.query ?? {});
      res.json(await diffVersions(deps.prisma, Number(q.from), Number(q.to)));
    }),
  );
  router.post(
    `${VERSIONS_PATH}/:id/activate`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZActivate, req.body ?? {});
      res.json(await activateVersion(deps.prisma, parseId(req.params.id, "template version"), body));
    }),
  );
  router.post(
    "/templates/preview",
    asyncRoute(async (req, res) => {
      res.json(await previewTemplate(deps.prisma, parseBody(ZPreviewBody, req.body ?? {})));
    }),
  );
  return router;
}

export const TEMPLATE_VERSION_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: `${TEMPLATES_PATH}/{id}/versions`,
    tag: "templates",
    summary: "Creates a version of the template (inactive), its configuration checked",
    description: "`errors` names each fault of the configuration by its path: configData.sections[2].",
    permission: "templates.create",
    idType: "integer",
    body: { name: "NewTemplateVersion", schema: ZNewVersion },
    example: { version: "1.3.0", changelog: "Avis clients", configData: { sections: ["hero", "avis", "contact"] } },
    responses: {
      201: { description: "The version, inactive", record: "TemplateVersion" },
      409: { description: "The version does not come after the latest one" },
    },
  },
  {
    method: "post",
    path: `${VERSIONS_PATH}/{id}/activate`,
    tag: "templates",
    summary: "Makes the version its template's active one (what new sites get)",
    description: "Exactly one version of a template is active; of concurrent activations one wins, the others get 409.",
    permission: "templates.edit",
    idType: "integer",
    body: { name: "TemplateVersionActivation", schema: ZActivate },
    example: { reason: "Avis clients en tête de page" },
    responses: {
      200: { description: "The version, active", record: "TemplateVersion" },
      409: { description: "The version is already active, or another activation won the race" },
    },
  },
  {
    method: "post",
    path: `${TEMPLATES_PATH}/{id}/rollback`,
    tag: "templates",
    summary: "Rolls the template back to the version its active one replaced",
    permission: "templates.edit",
    idType: "integer",
    body: { name: "TemplateVersionActivation", schema: ZActivate },
    example: { reason: "Le formulaire de devis ne s'affiche plus sur mobile" },
    responses: {
      200: { description: "The restored version, active", record: "TemplateVersion" },
      409: { description: "No active version, or it replaced none" },
    },
  },
  {
    method: "get",
    path: `${VERSIONS_PATH}/diff`,
    tag: "templates",
    summary: "The changed paths between two versions' configurations",
    permission: "templates.view",
    query: ZDiffQuery,
    responses: {
      200: {
        description: "Each added, removed or changed path",
        schema: { name: "TemplateVersionDiff", schema: ZDiff },
      },
    },
  },
  {
    method: "get",
    path: `${TEMPLATES_PATH}/{id}/usage`,
    tag: "templates",
    summary: "Sites built from the template: per version, per plan, per month",
    permission: "templates.view",
    idType: "integer",
    query: ZUsageQuery,
    responses: { 200: { description: "The template's usage", schema: { name: "TemplateUsage", schema: ZUsage } } },
  },
  {
    method: "post",
    path: "/templates/preview",
    tag: "templates",
    summary: "Renders a configuration with a sample business, and checks its structure",
    permission: "templates.view",
    body: { name: "TemplatePreviewRequest", schema: ZPreviewBody },
    example: { category: "artisans", config: { sections: ["hero", "contact"] }, business: { city: "Lyon" } },
    responses: {
      200: {
        description: "The preview page and the faults by path",
        schema: { name: "TemplatePreview", schema: ZPreview },
      },
    },
  },
];
