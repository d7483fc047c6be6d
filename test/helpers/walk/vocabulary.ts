// Raw values showing through a page's text: Prisma enum values, booleans and field names that reached
// the screen untranslated. A raw word counts only where the language's own words never use it, so a
// word both languages share ("site", "version", the English "pending" shown as "Pending") is not taken
// for a leak, while "pending" on a French page or "plan_changed" on any page is.
import type { Language } from "./plan.js";

export interface RawVocabulary {
  /** Prisma enum values (all enums). */
  enumValues: readonly string[];
  /** Property and column names of the resources (Prisma field names and database column names). */
  fieldNames: readonly string[];
}

export interface Leak {
  word: string;
  kind: "enum value" | "boolean" | "field name";
}

/** Booleans as code or the other language writes them. */
const BOOLEANS = ["true", "false", "yes", "no", "oui", "non"];

/** Lower-cased words of a text: letters, digits and underscores (snake_case stays one word). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * Every string of a translation table (AdminJS's LocaleTranslations, nested), as one set of words: what
 * the language itself says.
 */
export function languageWords(translations: unknown): Set<string> {
  const set = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === "string") for (const w of words(value.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, " "))) set.add(w);
    else if (value && typeof value === "object") for (const v of Object.values(value)) visit(v);
  };
  visit(translations);
  return set;
}

/** Addresses, host names, paths and dotted keys are data, not words: they are blanked before the check. */
function withoutData(text: string): string {
  return text
    .replace(/\S+@\S+/g, " ")
    .replace(/\bhttps?:\/\/\S+/g, " ")
    .replace(/[\p{L}\p{N}_-]+(?:[./][\p{L}\p{N}_-]+)+/gu, " ");
}

/** A checker for one language: the raw words it must never show, each with its kind. */
export function leakChecker(vocabulary: RawVocabulary, own: ReadonlySet<string>) {
  const suspects = new Map<string, Leak["kind"]>();
  const add = (raw: string, kind: Leak["kind"]) => {
    const word = raw.toLowerCase();
    // A single letter or digit is no evidence; a word the language uses itself is no leak.
    if (word.length < 2 || /^\d+$/.test(word) || own.has(word) || suspects.has(word)) return;
    suspects.set(word, kind);
  };
  for (const value of vocabulary.enumValues) add(value, "enum value");
  for (const value of BOOLEANS) add(value, "boolean");
  for (const name of vocabulary.fieldNames) add(name, "field name");
  return (text: string): Leak[] => {
    const found = new Map<string, Leak>();
    for (const word of words(withoutData(text))) {
      const kind = suspects.get(word);
      if (kind && !found.has(word)) found.set(word, { word, kind });
    }
    return [...found.values()];
  };
}

/** The checkers of both languages, from the raw vocabulary and each language's translation table. */
export function leakCheckers(vocabulary: RawVocabulary, translations: Record<Language, unknown>) {
  return {
    fr: leakChecker(vocabulary, languageWords(translations.fr)),
    en: leakChecker(vocabulary, languageWords(translations.en)),
  } satisfies Record<Language, (text: string) => Leak[]>;
}
