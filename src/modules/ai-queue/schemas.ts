// What the site wizard sends for each request type (request_data), and what a completed request holds
// (generated_content, written by an admin or drafted by Claude). One schema per request_type, used by
// the wizard intake, the completion check, the Claude prompt and the Claude Code brief alike.
import { z } from "zod";
import { zStorableText } from "../../lib/input-rules.js";

export const REQUEST_TYPES = ["services", "content", "images", "full_site"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

const text = (max: number) => zStorableText(max).trim().min(1);
const notes = (max: number) => zStorableText(max).optional();
const TONES = ["professionnel", "chaleureux", "dynamique", "luxe", "simple"] as const;

export const ZRequestData = {
  services: z
    .object({
      servicesWanted: z.number().int().min(1).max(20),
      existingServices: z.array(text(120)).max(50).default([]),
      tone: z.enum(TONES).default("professionnel"),
      notes: notes(2000),
    })
    .strict(),
  content: z
    .object({
      pages: z
        .array(z.enum(["accueil", "a-propos", "services", "contact", "tarifs", "faq", "equipe"]))
        .min(1)
        .max(10),
      tone: z.enum(TONES).default("professionnel"),
      keywords: z.array(text(60)).max(20).default([]),
      notes: notes(2000),
    })
    .strict(),
  images: z
    .object({
      subjects: z.array(text(200)).min(1).max(20),
      style: z.enum(["photo", "illustration", "minimaliste"]).default("photo"),
      notes: notes(2000),
    })
    .strict(),
  full_site: z
    .object({
      businessName: text(120),
      city: text(120).optional(),
      pages: z.array(text(60)).min(1).max(15),
      services: z.array(text(120)).max(50).default([]),
      tone: z.enum(TONES).default("professionnel"),
      notes: notes(4000),
    })
    .strict(),
} satisfies Record<RequestType, z.ZodType>;

const ZService = z.object({ name: text(120), description: text(1000), priceHint: notes(60) }).strict();
const ZPage = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes"),
    title: text(120),
    sections: z
      .array(z.object({ heading: text(160), body: text(5000) }).strict())
      .min(1)
      .max(20),
  })
  .strict();

export const ZGeneratedContent = {
  services: z.object({ services: z.array(ZService).min(1).max(20) }).strict(),
  content: z.object({ pages: z.array(ZPage).min(1).max(10) }).strict(),
  images: z
    .object({
      images: z
        .array(z.object({ subject: text(200), prompt: text(2000), altText: text(300) }).strict())
        .min(1)
        .max(20),
    })
    .strict(),
  full_site: z
    .object({ tagline: text(200), pages: z.array(ZPage).min(1).max(15), services: z.array(ZService).max(50) })
    .strict(),
} satisfies Record<RequestType, z.ZodType>;

export type RequestData<T extends RequestType = RequestType> = z.infer<(typeof ZRequestData)[T]>;
export type GeneratedContent<T extends RequestType = RequestType> = z.infer<(typeof ZGeneratedContent)[T]>;

/**
 * The one check of a request's JSON columns, on every path that writes them: the wizard's intake and an
 * edit of request_data, Complete, a Claude draft and an imported result for generated_content.
 */
export const COLUMN_SCHEMAS = { requestData: ZRequestData, generatedContent: ZGeneratedContent } as const;
export type JsonColumn = keyof typeof COLUMN_SCHEMAS;

export function checkColumn(column: JsonColumn, type: RequestType, value: unknown) {
  const schema: z.ZodType = COLUMN_SCHEMAS[column][type];
  return schema.safeParse(value);
}
