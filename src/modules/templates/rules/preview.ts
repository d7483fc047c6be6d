// The live preview of a template: its configuration rendered with a sample business into a standalone
// HTML page, shown in a sandboxed iframe (no scripts, no same origin) beside the editor. Every value
// from the configuration or the sample is escaped: the preview is the one place an editor's text
// becomes markup, and it must never become script.
import { ZTemplateConfig } from "./config-structure.js";

export interface SampleBusiness {
  name: string;
  trade: string;
  city: string;
  phone: string;
  email: string;
  tagline: string;
}

/** Sample businesses by template category (editable in the editor); `default` for other categories. */
export const SAMPLE_BUSINESSES: Record<string, SampleBusiness> = {
  artisans: {
    name: "Dupont Rénovation",
    trade: "Plombier chauffagiste",
    city: "Lyon",
    phone: "04 72 00 00 00",
    email: "contact@dupont-renovation.example",
    tagline: "Dépannage et rénovation depuis 1998",
  },
  commerces: {
    name: "Boulangerie du Marché",
    trade: "Boulangerie pâtisserie",
    city: "Nantes",
    phone: "02 40 00 00 00",
    email: "bonjour@boulangerie-du-marche.example",
    tagline: "Pain au levain et viennoiseries maison",
  },
  "bien-etre": {
    name: "Institut Lumière",
    trade: "Institut de beauté",
    city: "Bordeaux",
    phone: "05 56 00 00 00",
    email: "rdv@institut-lumiere.example",
    tagline: "Soins du visage et du corps",
  },
  default: {
    name: "Atelier Martin",
    trade: "Entreprise locale",
    city: "Paris",
    phone: "01 00 00 00 00",
    email: "contact@atelier-martin.example",
    tagline: "Votre partenaire de proximité",
  },
};

export function sampleBusinessFor(category: string): SampleBusiness {
  return SAMPLE_BUSINESSES[category] ?? SAMPLE_BUSINESSES.default!;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const COLOUR = /^#[0-9A-Fa-f]{6}$/;
// Inside <style> nothing is unescaped: a font name is letters, digits, spaces, dots and dashes only.
const FONT = /^[\w .-]{1,80}$/;

/** A readable heading from a section's key: `avant_apres` -> "Avant apres". */
const headingOf = (key: string) => {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The preview page of `config` for `business`. Renders what it can of a faulty configuration (the
 * structure check reports the faults): unknown or ill-typed parts are left out, never interpreted.
 */
export function renderTemplatePreview(config: unknown, business: SampleBusiness): string {
  const c = (ZTemplateConfig.safeParse(config).data ?? (typeof config === "object" && config ? config : {})) as Record<
    string,
    unknown
  >;
  const palette = (typeof c.palette === "object" && c.palette ? c.palette : {}) as Record<string, unknown>;
  const colour = (key: string, fallback: string) =>
    typeof palette[key] === "string" && COLOUR.test(palette[key]) ? palette[key] : fallback;
  const fonts = (typeof c.fonts === "object" && c.fonts ? c.fonts : {}) as Record<string, unknown>;
  const font = (key: string) =>
    typeof fonts[key] === "string" && FONT.test(fonts[key]) ? `"${fonts[key]}", sans-serif` : "sans-serif";
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
  const sections = list(c.sections);
  const features = list(c.features);
  const primary = colour("primary", "#333333");
  const secondary = colour("secondary", "#777777");
  const background = colour("background", "#FFFFFF");
  const b = (key: keyof SampleBusiness) => escapeHtml(business[key]);

  const body = sections
    .map((key) =>
      key === "hero"
        ? `<header class="hero" data-section="hero"><h1>${b("name")}</h1><p>${b("tagline")}</p><p>${b("trade")} · ${b("city")}</p></header>`
        : key === "contact"
          ? `<section data-section="contact"><h2>Contact</h2><p>${b("phone")}</p><p>${b("email")}</p><p>${b("city")}</p></section>`
          : `<section data-section="${escapeHtml(key)}"><h2>${escapeHtml(headingOf(key))}</h2><p>${b("name")}, ${b("trade").toLowerCase()} à ${b("city")}.</p></section>`,
    )
    .join("\n");
  const badges = features.length
    ? `<footer><ul>${features.map((f) => `<li>${escapeHtml(headingOf(f))}</li>`).join("")}</ul></footer>`
    : "";
  const layout = typeof c.layout === "string" ? escapeHtml(c.layout) : "";
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${b("name")}</title>
<style>
body{margin:0;background:${background};color:#222;font-family:${font("body")}}
h1,h2{font-family:${font("heading")};color:${primary}}
.hero{padding:2rem;background:${primary};color:#fff}.hero h1{color:#fff}
section{padding:1rem 2rem;border-bottom:2px solid ${secondary}}
footer ul{display:flex;gap:.5rem;list-style:none;padding:1rem 2rem}footer li{border:1px solid ${secondary};padding:.2rem .5rem}
</style></head>
<body data-layout="${layout}">
${body}
${badges}
</body></html>`;
}
