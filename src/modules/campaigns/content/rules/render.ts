// A campaign's content in one language, compiled once per send run and rendered per recipient: MJML
// (a body starting with <mjml>) is compiled to responsive HTML first, then Liquid fills the customer's
// variables, then the frozen links are rewritten to the click redirect and the open pixel is added.
import mjml2html from "mjml";
import {
  parseLiquid,
  renderLiquid,
  type CampaignVariables,
  type ContentProblem,
  type ParsedTemplate,
  checkLiquid,
} from "./liquid.js";
import { rewriteLinks } from "./links.js";

export type ContentLanguage = "fr" | "en";

/** One language's version of a campaign, as stored. */
export interface ContentVersion {
  subject: string;
  html: string;
  text: string | null;
}

export function isMjml(source: string): boolean {
  return /^\s*<mjml[\s>]/i.test(source);
}

/** The HTML of a body: MJML compiled (validation strict: an unknown tag is an error), HTML as it is. */
export async function layoutHtml(source: string): Promise<string> {
  if (!isMjml(source)) return source;
  const out = await mjml2html(source, { validationLevel: "strict", keepComments: false });
  return out.html;
}

/** The MJML errors of a body, as a problem of `field`, or null. */
export async function checkMjml(field: string, source: string): Promise<ContentProblem | null> {
  if (!isMjml(source)) return null;
  try {
    await mjml2html(source, { validationLevel: "strict" });
    return null;
  } catch (error) {
    const e = error as { errors?: { message?: string; line?: number }[]; message: string };
    const first = e.errors?.[0];
    return { field, message: first?.message ? `line ${first.line ?? "?"}: ${first.message}` : e.message.trim() };
  }
}

/** Every problem of one language's version, by field (`suffix` "En" for the English one). */
export async function checkVersion(version: Partial<ContentVersion>, suffix = ""): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const push = (p: ContentProblem | null) => p && problems.push(p);
  if (version.subject !== undefined) push(checkLiquid(`subject${suffix}`, version.subject));
  if (version.html !== undefined) {
    const mjmlProblem = await checkMjml(`contentHtml${suffix}`, version.html);
    push(mjmlProblem);
    if (!mjmlProblem) push(checkLiquid(`contentHtml${suffix}`, await layoutHtml(version.html)));
  }
  if (version.text) push(checkLiquid(`contentText${suffix}`, version.text));
  return problems;
}

/** A plain-text version of HTML, when the campaign has none. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<a\b[^>]*href=["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, "$2 ($1)")
    .replace(/<\/(p|h\d)>/gi, "\n\n")
    .replace(/<(br|\/div|\/li|\/tr)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n\n")
    .trim();
}

/** One language's version ready to render: its templates parsed once. */
export interface CompiledVersion {
  subjects: { a: ParsedTemplate; b: ParsedTemplate | null };
  html: ParsedTemplate;
  text: ParsedTemplate;
}

export async function compileVersion(version: ContentVersion, subjectB: string | null): Promise<CompiledVersion> {
  const html = await layoutHtml(version.html);
  return {
    subjects: { a: parseLiquid(version.subject), b: subjectB ? parseLiquid(subjectB) : null },
    html: parseLiquid(html),
    text: parseLiquid(version.text ?? htmlToText(html)),
  };
}

export interface RecipientLinks {
  links: readonly string[];
  click: (index: number) => string;
  openPixel: string;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** The message one recipient gets. */
export function renderMessage(
  compiled: CompiledVersion,
  variant: "a" | "b",
  variables: CampaignVariables,
  tracking: RecipientLinks,
): RenderedMessage {
  const subjectTemplate = variant === "b" && compiled.subjects.b ? compiled.subjects.b : compiled.subjects.a;
  const html = rewriteLinks(renderLiquid(compiled.html, variables), tracking.links, tracking.click);
  const pixel = `<img src="${tracking.openPixel}" width="1" height="1" alt="" style="display:block;border:0">`;
  const withPixel = /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${pixel}</body>`) : html + pixel;
  return {
    subject: renderLiquid(subjectTemplate, variables)
      .replace(/[\r\n]+/g, " ")
      .trim(),
    html: withPixel,
    text: renderLiquid(compiled.text, variables),
  };
}
