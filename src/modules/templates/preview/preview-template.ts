// The editor's live preview: a configuration (as typed, not yet saved) with a sample business of the
// template's category, rendered to HTML, and the configuration's structural faults beside it.
import type { PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import { checkTemplateStructure, type StructureError } from "../rules/config-structure.js";
import { renderTemplatePreview, sampleBusinessFor, type SampleBusiness } from "../rules/preview.js";

export interface TemplatePreview {
  html: string;
  errors: StructureError[];
  business: SampleBusiness;
}

export interface PreviewInput {
  /** The template whose category picks the default sample; absent for a template not yet created. */
  templateId?: number;
  category?: string;
  config: unknown;
  /** Fields of the sample business the editor changed. */
  business?: Partial<SampleBusiness>;
}

export async function previewTemplate(prisma: PrismaClient, input: PreviewInput): Promise<TemplatePreview> {
  requirePermission("templates", "view");
  let category = input.category ?? "";
  if (input.templateId !== undefined) {
    const template = await prisma.template.findUnique({ where: { id: input.templateId }, select: { category: true } });
    if (!template) throw new AppError("not_found", `Template #${input.templateId} does not exist`);
    category = template.category;
  }
  const business = { ...sampleBusinessFor(category), ...input.business };
  return {
    html: renderTemplatePreview(input.config, business),
    errors: checkTemplateStructure(input.config),
    business,
  };
}
