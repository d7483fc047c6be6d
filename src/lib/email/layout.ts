// The customer e-mails' common shape, as text and HTML: the brand, a greeting, paragraphs and titled
// lists, a signature. Pure functions; every value is escaped in the HTML.
import type { Language } from "@prisma/client";

export const BRAND = "Locod-AI";

/** A paragraph of text, or a titled list (the HTML shows it as a <ul>). */
export type EmailBlock = string | { title: string; items: string[] };

export interface EmailContent {
  greeting: string;
  blocks: EmailBlock[];
  signature: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function layoutText({ greeting, blocks, signature }: EmailContent): string {
  const parts = blocks.map((b) => (typeof b === "string" ? b : [b.title, ...b.items.map((i) => `- ${i}`)].join("\n")));
  return [greeting, ...parts, signature].join("\n\n") + "\n";
}

/** Newlines in a paragraph (e.g. a multi-line reason) become <br>. */
export function layoutHtml(language: Language, subject: string, { greeting, blocks, signature }: EmailContent): string {
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s).replace(/\r?\n/g, "<br>")}</p>`;
  const body = blocks
    .map((b) =>
      typeof b === "string"
        ? p(b)
        : `<p style="margin:0 0 8px">${escapeHtml(b.title)}</p>\n<ul style="margin:0 0 16px">${b.items
            .map((i) => `<li>${escapeHtml(i)}</li>`)
            .join("")}</ul>`,
    )
    .join("\n");
  return [
    "<!DOCTYPE html>",
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><title>' + escapeHtml(subject) + "</title></head>",
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1f2937;line-height:1.5">',
    `<h1 style="font-size:20px;color:#4f46e5">${escapeHtml(BRAND)}</h1>`,
    p(greeting),
    body,
    p(signature),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
