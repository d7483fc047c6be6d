// Site templates and their versions (one active each); the A/B tests are in ab-tests.ts.
import type { Prisma } from "@prisma/client";
import type { Staff } from "./staff.js";
import { addMs, DAY } from "./time.js";
import type { TemplateKey } from "./vocabulary.js";

interface VersionSpec {
  version: string;
  daysAgo: number;
  changelog: string;
  author: keyof Staff;
  active: boolean;
  sections: readonly string[];
  features: readonly string[];
}

interface TemplateSpec {
  key: TemplateKey;
  name: string;
  palette: { primary: string; secondary: string; background: string };
  fonts: { heading: string; body: string };
  versions: readonly VersionSpec[];
}

const TEMPLATE_SPECS: readonly TemplateSpec[] = [
  {
    key: "artisans",
    name: "Artisan Pro",
    palette: { primary: "#1F4E79", secondary: "#F2A900", background: "#FFFFFF" },
    fonts: { heading: "Montserrat", body: "Open Sans" },
    versions: [
      {
        version: "1.0.0",
        daysAgo: 420,
        changelog: "Version initiale : accueil, prestations, réalisations, demande de devis.",
        author: "superAdmin",
        active: false,
        sections: ["hero", "prestations", "realisations", "devis", "contact"],
        features: ["formulaire_devis"],
      },
      {
        version: "1.1.0",
        daysAgo: 210,
        changelog: "Galerie avant/après, formulaire de devis en trois étapes.",
        author: "admin",
        active: false,
        sections: ["hero", "prestations", "avant_apres", "realisations", "devis", "contact"],
        features: ["formulaire_devis", "galerie_avant_apres"],
      },
      {
        version: "1.2.0",
        daysAgo: 45,
        changelog: "Badges RGE et Qualibat, bouton d'appel flottant sur mobile, zone d'intervention sur carte.",
        author: "editor",
        active: true,
        sections: ["hero", "prestations", "avant_apres", "zone_intervention", "avis", "devis", "contact"],
        features: ["formulaire_devis", "galerie_avant_apres", "bouton_appel", "badges_certification"],
      },
    ],
  },
  {
    key: "commerces",
    name: "Boutique Gourmande",
    palette: { primary: "#8C3B1E", secondary: "#E9C46A", background: "#FFF8EE" },
    fonts: { heading: "Playfair Display", body: "Lato" },
    versions: [
      {
        version: "1.0.0",
        daysAgo: 400,
        changelog: "Version initiale : vitrine, produits, horaires, accès.",
        author: "superAdmin",
        active: false,
        sections: ["hero", "produits", "horaires", "acces"],
        features: ["horaires"],
      },
      {
        version: "1.1.0",
        daysAgo: 150,
        changelog: "Horaires d'ouverture structurés (schema.org) et carte d'accès.",
        author: "editor",
        active: false,
        sections: ["hero", "produits", "horaires", "carte", "avis"],
        features: ["horaires", "schema_org", "carte"],
      },
      {
        version: "2.0.0",
        daysAgo: 30,
        changelog: "Click & collect, nouvelle page produits avec photos plein écran.",
        author: "admin",
        active: true,
        sections: ["hero", "produits", "click_and_collect", "horaires", "carte", "avis"],
        features: ["horaires", "schema_org", "carte", "click_and_collect"],
      },
    ],
  },
  {
    key: "bien-etre",
    name: "Bien-être Zen",
    palette: { primary: "#5E8C7A", secondary: "#D8B4A0", background: "#FAF7F2" },
    fonts: { heading: "Cormorant Garamond", body: "Nunito" },
    versions: [
      {
        version: "1.0.0",
        daysAgo: 380,
        changelog: "Version initiale : soins, tarifs, équipe, contact.",
        author: "superAdmin",
        active: false,
        sections: ["hero", "soins", "tarifs", "equipe", "contact"],
        features: [],
      },
      {
        version: "1.1.0",
        daysAgo: 90,
        changelog: "Prise de rendez-vous en ligne intégrée, cartes cadeaux.",
        author: "admin",
        active: true,
        sections: ["hero", "soins", "tarifs", "rendez_vous", "cartes_cadeaux", "equipe", "contact"],
        features: ["prise_rdv", "cartes_cadeaux"],
      },
      {
        version: "1.2.0-beta",
        daysAgo: 6,
        changelog: "Palette pastel et nouvelle typographie, en test avant activation.",
        author: "editor",
        active: false,
        sections: ["hero", "soins", "tarifs", "rendez_vous", "cartes_cadeaux", "equipe", "contact"],
        features: ["prise_rdv", "cartes_cadeaux", "mode_sombre"],
      },
    ],
  },
];

export interface DemoTemplateVersion {
  templateKey: TemplateKey;
  version: string;
  createdAt: Date;
  isActive: boolean;
}

export interface DemoTemplates {
  templates: Prisma.TemplateCreateManyInput[];
  versions: Prisma.TemplateVersionCreateManyInput[];
  /** Template ids by key, for the sites' configurations. */
  idByKey: Record<TemplateKey, number>;
  /** The version a site built at `date` with template `key` got: the active one of that day. */
  versionAt(key: TemplateKey, date: Date): string;
  /** The id of that version (sites.template_version_id). */
  versionIdAt(key: TemplateKey, date: Date): number;
}

function versionConfig(spec: TemplateSpec, v: VersionSpec) {
  return {
    layout: spec.key === "commerces" ? "vitrine" : "une-page",
    palette: spec.palette,
    fonts: spec.fonts,
    sections: v.sections,
    features: v.features,
    responsive: true,
  };
}

export function buildTemplates(now: Date, staff: Staff): DemoTemplates {
  const templates: Prisma.TemplateCreateManyInput[] = [];
  const versions: Prisma.TemplateVersionCreateManyInput[] = [];
  const idByKey = {} as Record<TemplateKey, number>;
  const released: DemoTemplateVersion[] = [];

  TEMPLATE_SPECS.forEach((spec, index) => {
    const id = index + 1;
    idByKey[spec.key] = id;
    const active = spec.versions.find((v) => v.active)!;
    templates.push({
      id,
      name: spec.name,
      category: spec.key,
      configTemplate: versionConfig(spec, active),
      createdAt: addMs(now, -spec.versions[0]!.daysAgo * DAY + 10 * 3600_000),
      status: "active",
    });
    for (const v of spec.versions) {
      const createdAt = addMs(now, -v.daysAgo * DAY + 14 * 3600_000);
      versions.push({
        templateId: id,
        version: v.version,
        configData: versionConfig(spec, v),
        changelog: v.changelog,
        isActive: v.active,
        createdBy: staff[v.author],
        createdAt,
      });
      // A beta is created but never served to customers' sites.
      if (!v.version.includes("-"))
        released.push({ templateKey: spec.key, version: v.version, createdAt, isActive: v.active });
    }
  });
  versions.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  versions.forEach((v, i) => (v.id = i + 1));
  // The active version of each template was activated when created, replacing the release before it
  // (what a rollback restores).
  for (const v of versions.filter((tv) => tv.isActive)) {
    const before = versions.filter(
      (w) => w.templateId === v.templateId && !w.version.includes("-") && (w.id as number) < (v.id as number),
    );
    v.activatedAt = v.createdAt;
    v.activatedBy = v.createdBy;
    v.previousVersionId = before.at(-1)?.id ?? null;
  }

  const versionAt = (key: TemplateKey, date: Date): string => {
    const candidates = released.filter((v) => v.templateKey === key && v.createdAt.getTime() <= date.getTime());
    return (candidates[candidates.length - 1] ?? released.find((v) => v.templateKey === key)!).version;
  };

  const versionIdAt = (key: TemplateKey, date: Date): number => {
    const version = versionAt(key, date);
    return versions.find((v) => v.templateId === idByKey[key] && v.version === version)!.id as number;
  };

  return { templates, versions, idByKey, versionAt, versionIdAt };
}
