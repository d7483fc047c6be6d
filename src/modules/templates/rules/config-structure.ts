// What a template's configuration (templates.config_template, template_versions.config_data) must look
// like for the site builder: the sections in order, the palette, the fonts, the features. Each fault is
// reported at its path (palette.primary, sections[2]) so the editor can point at it.
import { z } from "zod";

const SLUG = /^[a-z][a-z0-9_-]*$/;
const slug = z.string().regex(SLUG, "Use lower-case letters, digits, - and _ (starting with a letter)");
const uniqueSlugs = (what: string) =>
  z
    .array(slug)
    .max(40, `At most 40 ${what}`)
    .superRefine((items, ctx) => {
      items.forEach((item, i) => {
        if (items.indexOf(item) !== i)
          ctx.addIssue({ code: "custom", path: [i], message: `"${item}" is listed twice` });
      });
    });

export const ZTemplateConfig = z.looseObject({
  layout: slug.optional(),
  sections: uniqueSlugs("sections").min(1, "At least one section"),
  features: uniqueSlugs("features").optional(),
  palette: z.record(slug, z.string().regex(/^#[0-9A-Fa-f]{6}$/, "A colour as #RRGGBB")).optional(),
  fonts: z
    .strictObject({
      heading: z.string().trim().min(1, "A font name").max(80).optional(),
      body: z.string().trim().min(1, "A font name").max(80).optional(),
    })
    .optional(),
  responsive: z.boolean().optional(),
});

export type TemplateConfig = z.infer<typeof ZTemplateConfig>;

export interface StructureError {
  /** `sections[2]`, `palette.primary`; "(root)" for the configuration itself. */
  path: string;
  message: string;
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || "(root)";
}

/** The configuration's faults, one per path (empty when it is a valid template). */
export function checkTemplateStructure(config: unknown): StructureError[] {
  const result = ZTemplateConfig.safeParse(config);
  if (result.success) return [];
  const seen = new Set<string>();
  const errors: StructureError[] = [];
  for (const issue of result.error.issues) {
    const path = pathOf(issue.path);
    if (seen.has(path)) continue;
    seen.add(path);
    const message =
      issue.code === "invalid_type" && issue.message.endsWith("received undefined")
        ? "Required"
        : issue.code === "unrecognized_keys"
          ? `Unknown key(s): ${issue.keys.join(", ")}`
          : issue.message;
    errors.push({ path, message });
  }
  return errors;
}
