// The customer e-mails of the AI queue, in French and English, as text and HTML. Pure functions: the
// `send-email-log` job renders them from the request as it is when the e-mail leaves. No link to the
// customer portal: its address is not known to the admin portal, so none is invented.
import type { Language } from "@prisma/client";
import { AI_REQUEST_TYPE_WORDS, aiRequestReference } from "../../lib/ai-request-words.js";
import { BRAND, layoutHtml, layoutText, type EmailBlock } from "../../lib/email/layout.js";
import { ZGeneratedContent, type RequestType } from "./schemas.js";

export const EMAIL_EVENTS = ["received", "in_progress", "completed", "rejected"] as const;
export type EmailEvent = (typeof EMAIL_EVENTS)[number];

/** What a template needs to know about the request; the rest of the row is not the customer's business. */
export interface EmailRequestData {
  id: number;
  requestType: RequestType;
  businessType: string;
  customerName: string;
  /** completed: the content, summarised (counts and titles); ignored when it does not match its schema. */
  generatedContent?: unknown;
  /** rejected: the reason (ai_requests.admin_notes). */
  adminNotes?: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SUBJECTS: Record<EmailEvent, Record<Language, string>> = {
  received: { fr: "Nous avons bien reçu votre demande", en: "We have received your request" },
  in_progress: { fr: "Votre demande est en cours de traitement", en: "Your request is being worked on" },
  completed: { fr: "Votre contenu est prêt", en: "Your content is ready" },
  rejected: { fr: "Votre demande n'a pas pu être traitée", en: "Your request could not be processed" },
};

/** e.g. "Locod-AI – Votre contenu est prêt (demande n° 12)". */
export function subjectOf(event: EmailEvent, language: Language, requestId: number): string {
  return `${BRAND} – ${SUBJECTS[event][language]} (${aiRequestReference(language, requestId)})`;
}

const MAX_LISTED = 10;

function listed(items: string[], language: Language): string[] {
  if (items.length <= MAX_LISTED) return items;
  const more = items.length - MAX_LISTED;
  return [...items.slice(0, MAX_LISTED), language === "fr" ? `… et ${more} de plus` : `… and ${more} more`];
}

function count(n: number, language: Language, fr: [string, string], en: [string, string]): string {
  const [one, many] = language === "fr" ? fr : en;
  return `${n} ${n === 1 ? one : many}`;
}

/** Counts and titles of the generated content, or nothing when it is missing or not of its type's shape. */
export function summaryBlocks(requestType: RequestType, content: unknown, language: Language): EmailBlock[] {
  const colon = language === "fr" ? " :" : ":";
  const pagesTitle = (n: number) => `${count(n, language, ["page", "pages"], ["page", "pages"])}${colon}`;
  const servicesTitle = (n: number) =>
    `${count(n, language, ["service", "services"], ["service", "services"])}${colon}`;
  switch (requestType) {
    case "services": {
      const parsed = ZGeneratedContent.services.safeParse(content);
      if (!parsed.success) return [];
      const { services } = parsed.data;
      return [
        {
          title: servicesTitle(services.length),
          items: listed(
            services.map((s) => s.name),
            language,
          ),
        },
      ];
    }
    case "content": {
      const parsed = ZGeneratedContent.content.safeParse(content);
      if (!parsed.success) return [];
      const { pages } = parsed.data;
      return [
        {
          title: pagesTitle(pages.length),
          items: listed(
            pages.map((p) => p.title),
            language,
          ),
        },
      ];
    }
    case "images": {
      const parsed = ZGeneratedContent.images.safeParse(content);
      if (!parsed.success) return [];
      const { images } = parsed.data;
      return [
        {
          title: `${count(images.length, language, ["image", "images"], ["image", "images"])}${colon}`,
          items: listed(
            images.map((i) => i.subject),
            language,
          ),
        },
      ];
    }
    case "full_site": {
      const parsed = ZGeneratedContent.full_site.safeParse(content);
      if (!parsed.success) return [];
      const { tagline, pages, services } = parsed.data;
      const blocks: EmailBlock[] = [
        `${language === "fr" ? "Accroche" : "Tagline"}${colon} ${tagline}`,
        {
          title: pagesTitle(pages.length),
          items: listed(
            pages.map((p) => p.title),
            language,
          ),
        },
      ];
      if (services.length > 0) {
        blocks.push({
          title: servicesTitle(services.length),
          items: listed(
            services.map((s) => s.name),
            language,
          ),
        });
      }
      return blocks;
    }
  }
}

function bodyBlocks(event: EmailEvent, language: Language, data: EmailRequestData): EmailBlock[] {
  const fr = language === "fr";
  const what = `${AI_REQUEST_TYPE_WORDS[data.requestType][language]} – ${data.businessType}`;
  const ref = fr ? `Demande n° ${data.id} : ${what}` : `Request #${data.id}: ${what}`;
  switch (event) {
    case "received":
      return [
        fr
          ? "Nous avons bien reçu votre demande. Notre équipe va la prendre en charge très prochainement."
          : "We have received your request. Our team will take care of it shortly.",
        ref,
        fr
          ? "Nous vous écrirons dès que le travail commence, puis lorsque votre contenu sera prêt."
          : "We will write to you when work starts, and again when your content is ready.",
      ];
    case "in_progress":
      return [
        fr
          ? "Bonne nouvelle : un membre de notre équipe travaille maintenant sur votre demande."
          : "Good news: a member of our team is now working on your request.",
        ref,
        fr
          ? "Nous vous écrirons dès que votre contenu sera prêt."
          : "We will write to you as soon as your content is ready.",
      ];
    case "completed": {
      const summary = summaryBlocks(data.requestType, data.generatedContent, language);
      return [
        fr ? "Votre contenu est prêt." : "Your content is ready.",
        ref,
        ...(summary.length > 0 ? [fr ? "En résumé :" : "In summary:", ...summary] : []),
        fr
          ? "Vous le retrouverez dans votre espace client Locod-AI."
          : "You will find it in your Locod-AI customer area.",
      ];
    }
    case "rejected": {
      const reason = data.adminNotes?.trim();
      return [
        fr
          ? "Nous sommes désolés : votre demande n'a pas pu être traitée."
          : "We are sorry: your request could not be processed.",
        ref,
        ...(reason ? [`${fr ? "Motif" : "Reason"}${fr ? " : " : ": "}${reason}`] : []),
        fr
          ? "Aucun montant ne vous sera facturé pour cette demande. N'hésitez pas à nous en soumettre une nouvelle."
          : "You will not be charged for this request. Feel free to submit a new one.",
      ];
    }
  }
}

export function renderEmail(event: EmailEvent, language: Language, data: EmailRequestData): RenderedEmail {
  const fr = language === "fr";
  const subject = subjectOf(event, language, data.id);
  const greeting = fr ? `Bonjour ${data.customerName},` : `Hello ${data.customerName},`;
  const signature = fr ? `L'équipe ${BRAND}` : `The ${BRAND} team`;
  const content = { greeting, blocks: bodyBlocks(event, language, data), signature };
  return { subject, text: layoutText(content), html: layoutHtml(language, subject, content) };
}
