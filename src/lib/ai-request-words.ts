// What a customer reads for each type of AI request, in their language: the Queue IA's e-mails and the
// invoice lines billing writes for a completed request.
import type { AiRequestType, Language } from "@prisma/client";

export const AI_REQUEST_TYPE_WORDS: Record<AiRequestType, Record<Language, string>> = {
  services: { fr: "Rédaction de services", en: "Service descriptions" },
  content: { fr: "Contenu des pages", en: "Page content" },
  images: { fr: "Images", en: "Images" },
  full_site: { fr: "Site complet", en: "Full website" },
};

/** "demande n° 12" / "request #12" */
export function aiRequestReference(language: Language, id: number): string {
  return language === "fr" ? `demande n° ${id}` : `request #${id}`;
}
