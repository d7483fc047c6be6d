// The words of the invoice lines billing writes itself, in the customer's language: the customer reads
// them on the invoice, its PDF and Stripe's.
import type { AiRequestType, Language } from "@prisma/client";
import { AI_REQUEST_TYPE_WORDS, aiRequestReference } from "../../../lib/ai-request-words.js";

const INCLUDED_CREDIT: Record<Language, string> = { fr: "Crédit inclus : ", en: "Included credit: " };

/** A completed AI request's line: "Contenu des pages (demande n° 12)", within the plan's credits prefixed. */
export function aiRequestLine(language: Language, id: number, type: AiRequestType, included: boolean): string {
  const line = `${AI_REQUEST_TYPE_WORDS[type][language]} (${aiRequestReference(language, id)})`;
  return included ? `${INCLUDED_CREDIT[language]}${line}` : line;
}
