// French (default) and English UI of the portal's own screens, assembled from the words each module
// declares (`locale` in src/modules/<module>/module.ts, iterated through MODULES) and the shared ones
// below: the vocabulary common to every table, the form checks and the words
// used by several modules. Adding a module's words needs no edit here.
// AdminJS looks labels up as:
//   labels.<resourceId>                          the resource's name in the sidebar and titles
//   labels.<navigation group name>               the sidebar groups (each module's navigation, added by index.ts)
//   resources.<resourceId>.properties.<prop>     a column or field
//   resources.<resourceId>.labels.<prop>.<value> an enum value (badges, selects, filters; AdminJS 7.8
//                                                reads enum values through translateLabel, not properties)
import { Prisma } from "@prisma/client";
import type { LocaleTranslations } from "adminjs";
import type { ModuleLocale, Words } from "../module.js";
import { MODULES } from "../modules.js";

// ---------------------------------------------------------------------------------------------
// Shared words
// ---------------------------------------------------------------------------------------------

/** Properties named alike mean alike across tables (a resource lists them in `common`). */
const COMMON: Record<string, Words> = {
  id: ["ID", "ID"],
  createdAt: ["Créé le", "Created at"],
  status: ["Statut", "Status"],
  name: ["Nom", "Name"],
  email: ["E-mail", "E-mail"],
  customer: ["Client", "Customer"],
  site: ["Site", "Site"],
  admin: ["Admin", "Admin"],
  template: ["Template", "Template"],
  author: ["Créé par", "Created by"],
  version: ["Version", "Version"],
  configData: ["Configuration (JSON)", "Configuration (JSON)"],
  ipAddress: ["Adresse IP", "IP address"],
  userAgent: ["Navigateur (user agent)", "User agent"],
  errorMessage: ["Message d'erreur", "Error message"],
  sentAt: ["Envoyé le", "Sent at"],
  paidAt: ["Payé le", "Paid at"],
};

/** Words of AdminJS as a whole, of src/admin, and those several modules use. */
const SHARED: ModuleLocale = {
  enums: {
    // customers.language and email_log.language.
    Language: { fr: ["Français", "French"], en: ["Anglais", "English"] },
  },
  messages: {
    loginWelcome: ["Back-office de Locod-AI", "Locod-AI back-office"],
    // Form checks (src/admin/resource-kit.ts).
    fieldsInvalid: ["Champs à corriger :", "Fields to correct:"],
    fieldRequired: ["Obligatoire", "Required"],
    fieldInvalidChoice: ["Valeur non proposée", "Not one of the choices"],
    fieldInvalidFormat: ["Format invalide", "Invalid format"],
    fieldInteger: ["Nombre entier attendu", "A whole number is expected"],
    fieldRange: ["Hors limites :", "Out of range:"],
    fieldDate: ["Date invalide", "Invalid date"],
    fieldBoolean: ["Oui ou non attendu", "Yes or no is expected"],
    fieldReference: ["Choisissez un enregistrement", "Pick a record"],
    fieldReferenceMissing: ["Cet enregistrement n'existe pas", "This record does not exist"],
    fieldMoney: [
      "Montant attendu, au centime près (ex. 12,50 ou 12.50)",
      "An amount is expected, to the cent (e.g. 12.50 or 12,50)",
    ],
    fieldMoneyMax: ["Montant trop grand, maximum", "Amount too large, maximum"],
    fieldMoneyAmbiguous: [
      "Montant ambigu (« 1,234 » se lit 1,234 ou 1 234) : écrivez 1234, 1 234 ou 1,23",
      'Ambiguous amount ("1,234" reads as 1.234 or 1234): write 1234, 1,234.00 or 1.23',
    ],
    fieldJson: ["JSON invalide", "Invalid JSON"],
    fieldJsonObject: ["Un objet JSON est attendu : { … }", "A JSON object is expected: { … }"],
    fieldJsonArray: ["Un tableau JSON est attendu : [ … ]", "A JSON array is expected: [ … ]"],
    fieldJsonStringArray: [
      'Un tableau JSON de textes est attendu : ["…", "…"]',
      'A JSON array of strings is expected: ["…", "…"]',
    ],
    fieldTaken: ["Déjà utilisé par un autre enregistrement", "Already used by another record"],
    fieldCheck: ["Valeur refusée par la base de données", "Value refused by the database"],
    fieldUnstorableText: [
      "Caractère interdit (NUL ou demi-paire UTF-16)",
      "Must not contain a NUL character or a lone surrogate",
    ],
    fieldJsonTooDeep: ["JSON trop imbriqué", "JSON nested too deeply"],
    fieldJsonTooLarge: ["JSON trop volumineux", "JSON too large"],
    fieldDateRange: ["Date entre 2000-01-01 et 2100-12-31 attendue", "Must be between 2000-01-01 and 2100-12-31"],
    fieldNegative: ["Montant négatif refusé", "Must not be negative"],
    fieldHostname: [
      "Nom d'hôte attendu, ex. exemple.fr (sans schéma, chemin ni espace)",
      "A host name like example.com is expected (no scheme, path or space)",
    ],
    fieldTimeZone: ["Fuseau horaire IANA attendu, ex. Europe/Paris", "An IANA time zone like Europe/Paris is expected"],
    fieldRelativePath: [
      "Chemin relatif attendu (sans .., sans / initial, sans barre oblique inverse)",
      "A relative path is expected (no .., no leading /, no backslash)",
    ],
    fieldTooLong: ["Texte trop long :", "Too long:"],
    fieldText: ["Texte attendu", "Text is expected"],
    fieldReadOnly: ["Champ en lecture seule", "This field is read-only"],
    fieldWorkflow: [
      "Fixé par son circuit de traitement, pas par une modification",
      "Set by its workflow, not by an edit",
    ],
    fieldCreateOnly: ["Ne se choisit qu'à la création", "Can only be set when the record is created"],
    fieldUnknown: ["Pas un champ de cette table", "Not a field of this table"],
    fieldPositive: ["Montant supérieur à zéro attendu", "Must be more than zero"],
    recordStillReferenced: [
      "Suppression impossible : d'autres données dépendent de cet enregistrement",
      "Cannot delete: other data depends on this record",
    ],
    // Security alerts (settings) and billing alerts (billing).
    acknowledgeExplain: [
      "L'alerte est marquée comme vue et quitte le tableau de bord.",
      "The alert is marked as seen and leaves the dashboard.",
    ],
    // A colon in a field message (src/admin/resource-kit.ts): French sets a space before it.
    colon: [" :", ":"],
    // Lists' filters and forms' selects (components/select-words.ts).
    selectPlaceholder: ["Choisir…", "Select…"],
    selectNoOptions: ["Aucun choix", "No options"],
    selectLoading: ["Chargement…", "Loading…"],
    // Record pages (components/RecordShow.tsx, RecordLink.tsx, ActionHeader.tsx, ReferenceFilter.tsx).
    relatedNone: ["Aucun pour l'instant.", "None yet."],
    relatedRecord: ["Enregistrement", "Record"],
    relatedSeeAll: ["Voir les {{count}} dans la liste", "See all {{count}} in the list"],
    relatedOpenList: ["Ouvrir dans la liste", "Open in the list"],
    recordDeleted: ["supprimé", "deleted"],
    moreActions: ["Plus", "More"],
    referenceIdFilter: ["Numéro (ID)", "Number (ID)"],
    // The 403 and 404 pages inside the layout (components/ErrorPage.tsx, components/RouteGuard.tsx).
    errorForbiddenTitle: ["Accès refusé", "Access denied"],
    errorForbiddenText: [
      "Votre rôle ne permet pas d'ouvrir cette page. Demandez l'accès à un super administrateur si vous en avez besoin.",
      "Your role does not allow this page. Ask a super administrator for access if you need it.",
    ],
    errorNotFoundTitle: ["Page introuvable", "Page not found"],
    errorNotFoundText: [
      "Cette page ou cet enregistrement n'existe pas (ou plus). Le lien est peut-être ancien.",
      "This page or record does not exist (or no longer does). The link may be out of date.",
    ],
    errorBackToList: ["Retour à la liste", "Back to the list"],
    errorBackToDashboard: ["Retour au tableau de bord", "Back to the dashboard"],
    // Names of AdminJS's icon buttons and checkboxes for screen readers (components/a11y).
    a11ySelectAll: ["Sélectionner tous les enregistrements de la page", "Select every record on the page"],
    a11ySelectRecord: ["Sélectionner l'enregistrement {{id}}", "Select record {{id}}"],
    a11yFirstPage: ["Première page", "First page"],
    a11yPreviousPage: ["Page précédente", "Previous page"],
    a11yNextPage: ["Page suivante", "Next page"],
    a11yLastPage: ["Dernière page", "Last page"],
    a11yCloseFilters: ["Fermer les filtres", "Close the filters"],
  },
  actions: {
    acknowledge: ["Prendre en compte", "Acknowledge"],
    // What the audit log records (admin_activity_log.action) beside the actions of the screens.
    create: ["Création", "Created"],
    update: ["Modification", "Updated"],
    draft: ["Brouillon créé", "Draft created"],
    login: ["Connexion", "Logged in"],
    logout: ["Déconnexion", "Logged out"],
    login_failed: ["Connexion refusée", "Login refused"],
    login_locked: ["Compte verrouillé", "Account locked"],
    force_logout: ["Sessions fermées", "Sessions ended"],
    export: ["Export", "Export"],
    password_change: ["Mot de passe changé", "Password changed"],
    password_change_failed: ["Changement de mot de passe refusé", "Password change refused"],
    password_reset: ["Mot de passe réinitialisé", "Password reset"],
    password_reset_requested: ["Réinitialisation demandée", "Password reset requested"],
  },
};

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

const SOURCES: ReadonlyArray<readonly [string, ModuleLocale]> = [
  ["src/admin/locale.ts", SHARED],
  ...MODULES.map((module) => [`module ${module.name}`, module.locale ?? {}] as const),
];

/** One kind of words of every source in one table; a key worded twice is a mistake, caught at load. */
function merged<K extends keyof ModuleLocale>(kind: K): NonNullable<ModuleLocale[K]> {
  const table: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const [source, locale] of SOURCES) {
    for (const [key, words] of Object.entries(locale[kind] ?? {})) {
      if (Object.hasOwn(table, key)) throw new Error(`locale: ${kind}.${key} is worded by ${owner[key]} and ${source}`);
      table[key] = words;
      owner[key] = source;
    }
  }
  return table as NonNullable<ModuleLocale[K]>;
}

const RESOURCES = merged("resources");
/** Every enum's words by Prisma enum name, then value (npm run lint:i18n checks them all). */
export const ENUMS = merged("enums");
const MESSAGES = merged("messages");
const ACTIONS = merged("actions");
const PAGES = merged("pages");

type Lang = 0 | 1;
const pick = (lang: Lang, words: Record<string, Words>) =>
  Object.fromEntries(Object.entries(words).map(([key, pair]) => [key, pair[lang]]));

function common(resourceId: string, name: string): Words {
  const words = Object.hasOwn(COMMON, name) ? COMMON[name] : undefined;
  if (!words) throw new Error(`locale: ${resourceId} lists "${name}", not a common property`);
  return words;
}

/** Yes and no, for every boolean column (badges, filters): AdminJS reads labels.<prop>.true/false. */
const BOOLEAN: Record<"true" | "false", Words> = { true: ["Oui", "Yes"], false: ["Non", "No"] };

/** resourceId -> its boolean properties, from the client's data model. */
function booleanProperties(): Map<string, string[]> {
  const byResource = new Map<string, string[]>();
  for (const model of Prisma.dmmf.datamodel.models) {
    const booleans = model.fields.filter((f) => f.kind === "scalar" && f.type === "Boolean").map((f) => f.name);
    if (booleans.length) byResource.set(model.dbName ?? model.name, booleans);
  }
  return byResource;
}

/** resourceId -> enum property -> Prisma enum name, from the client's data model. */
function enumProperties(): Map<string, Record<string, string>> {
  const byResource = new Map<string, Record<string, string>>();
  for (const model of Prisma.dmmf.datamodel.models) {
    const enums = model.fields.filter((f) => f.kind === "enum");
    if (enums.length)
      byResource.set(model.dbName ?? model.name, Object.fromEntries(enums.map((f) => [f.name, f.type])));
  }
  return byResource;
}

function build(lang: Lang): LocaleTranslations {
  const enumProps = enumProperties();
  const boolProps = booleanProperties();
  const resources = Object.fromEntries(
    Object.entries(RESOURCES).map(([resourceId, words]) => {
      const shared = Object.fromEntries((words.common ?? []).map((name) => [name, common(resourceId, name)[lang]]));
      const enums = Object.entries(enumProps.get(resourceId) ?? {}).map(([prop, enumName]) => [
        prop,
        pick(lang, ENUMS[enumName] ?? {}),
      ]);
      const booleans = (boolProps.get(resourceId) ?? []).map((prop) => [prop, pick(lang, BOOLEAN)]);
      return [
        resourceId,
        {
          properties: { ...shared, ...pick(lang, words.properties ?? {}) },
          labels: Object.fromEntries([...enums, ...booleans]),
        },
      ];
    }),
  );
  const resourceLabels = Object.fromEntries(Object.entries(RESOURCES).map(([id, words]) => [id, words.label[lang]]));
  return {
    labels: resourceLabels,
    properties: pick(lang, COMMON),
    resources,
    messages: pick(lang, MESSAGES),
    actions: pick(lang, ACTIONS),
    pages: pick(lang, PAGES),
  };
}

export const fr: LocaleTranslations = build(0);
export const en: LocaleTranslations = build(1);
