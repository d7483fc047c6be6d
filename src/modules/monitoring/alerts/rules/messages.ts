// The words of the incident alerts, French and English: the e-mail (subject and body, through the
// e-mail layout) and the Slack-compatible webhook message ({text, blocks}). Pure: the alert job and
// the outbox's renderer give them the incident as it is.
import type { Language } from "@prisma/client";
import { formatDate } from "../../../../lib/format.js";
import { BRAND, layoutHtml, layoutText, type EmailContent } from "../../../../lib/email/layout.js";
import type { NotificationKind } from "./escalation.js";

export interface AlertSubject {
  incidentId: number;
  siteName: string;
  domain: string | null;
  monitor: string;
  cause: string;
  openedAt: Date;
  resolvedAt: Date | null;
  acknowledgedBy: string | null;
}

export interface AlertMessageInput {
  kind: NotificationKind;
  level: number;
  language: Language;
  incident: AlertSubject;
  /** Alert e-mails: the signed acknowledge link. */
  ackLink?: string | null;
  /** The incident's page in the back-office. */
  pageLink?: string | null;
}

const site = (s: AlertSubject) => (s.domain ? `${s.siteName} (${s.domain})` : s.siteName);
const at = (d: Date, language: Language) => formatDate(d, language, "timestamp");

function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
}

function duration(minutes: number, language: Language): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return language === "fr" ? `${m} min` : `${m} min`;
  return language === "fr" ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h ${String(m).padStart(2, "0")} min`;
}

export function alertSubject({ kind, level, language, incident }: AlertMessageInput): string {
  const fr = language === "fr";
  const s = site(incident);
  switch (kind) {
    case "opened":
      return fr
        ? `[Incident #${incident.incidentId}] ${s} est hors ligne`
        : `[Incident #${incident.incidentId}] ${s} is down`;
    case "escalated":
      return fr
        ? `[Incident #${incident.incidentId}] Escalade niveau ${level} : ${s} est toujours hors ligne`
        : `[Incident #${incident.incidentId}] Escalation level ${level}: ${s} is still down`;
    case "reminder":
      return fr
        ? `[Incident #${incident.incidentId}] Rappel : ${s} est toujours hors ligne`
        : `[Incident #${incident.incidentId}] Reminder: ${s} is still down`;
    case "resolved":
      return fr
        ? `[Incident #${incident.incidentId}] Résolu : ${s} est de nouveau en ligne`
        : `[Incident #${incident.incidentId}] Resolved: ${s} is back up`;
    case "customer_notice":
      return fr
        ? `${BRAND} – Votre site ${incident.siteName} est indisponible`
        : `${BRAND} – Your site ${incident.siteName} is unavailable`;
    case "customer_resolved":
      return fr
        ? `${BRAND} – Votre site ${incident.siteName} est rétabli`
        : `${BRAND} – Your site ${incident.siteName} is back online`;
  }
}

/** The lines of an alert to the team (e-mail paragraphs, webhook text). */
function teamLines({ kind, level, language, incident, ackLink }: AlertMessageInput, now: Date): string[] {
  const fr = language === "fr";
  const lines: string[] = [];
  const down = duration(minutesBetween(incident.openedAt, incident.resolvedAt ?? now), language);
  if (kind === "resolved") {
    lines.push(
      fr
        ? `${site(incident)} est de nouveau en ligne depuis le ${at(incident.resolvedAt ?? now, language)}, après ${down} d'incident.`
        : `${site(incident)} has been back up since ${at(incident.resolvedAt ?? now, language)}, after ${down} of outage.`,
    );
  } else {
    if (kind === "escalated") {
      lines.push(
        fr
          ? `Personne n'a pris en charge cet incident : il passe au niveau ${level}.`
          : `Nobody has acknowledged this incident: it now reaches level ${level}.`,
      );
    }
    lines.push(
      fr
        ? `${site(incident)} est hors ligne depuis le ${at(incident.openedAt, language)} (${down}).`
        : `${site(incident)} has been down since ${at(incident.openedAt, language)} (${down}).`,
    );
  }
  lines.push(fr ? `Moniteur : ${incident.monitor}` : `Monitor: ${incident.monitor}`);
  lines.push(fr ? `Cause : ${incident.cause}` : `Cause: ${incident.cause}`);
  if (incident.acknowledgedBy) {
    lines.push(fr ? `Pris en charge par ${incident.acknowledgedBy}.` : `Acknowledged by ${incident.acknowledgedBy}.`);
  }
  if (ackLink && kind !== "resolved" && !incident.acknowledgedBy) {
    lines.push(fr ? `Prendre en charge : ${ackLink}` : `Acknowledge: ${ackLink}`);
  }
  return lines;
}

function customerLines({ kind, language, incident }: AlertMessageInput, now: Date): string[] {
  const fr = language === "fr";
  if (kind === "customer_resolved") {
    const down = duration(minutesBetween(incident.openedAt, incident.resolvedAt ?? now), language);
    return [
      fr
        ? `Votre site ${site(incident)} est de nouveau accessible depuis le ${at(incident.resolvedAt ?? now, language)}, après ${down} d'interruption.`
        : `Your site ${site(incident)} has been reachable again since ${at(incident.resolvedAt ?? now, language)}, after ${down} of interruption.`,
      fr ? "Nous vous prions de nous excuser pour la gêne occasionnée." : "We apologise for the inconvenience.",
    ];
  }
  return [
    fr
      ? `Votre site ${site(incident)} est indisponible depuis le ${at(incident.openedAt, language)}.`
      : `Your site ${site(incident)} has been unavailable since ${at(incident.openedAt, language)}.`,
    fr
      ? "Notre équipe est prévenue et travaille à son rétablissement. Nous vous écrirons dès qu'il sera de nouveau en ligne."
      : "Our team knows and is working on it. We will write to you as soon as it is back online.",
  ];
}

const isCustomerKind = (kind: NotificationKind) => kind === "customer_notice" || kind === "customer_resolved";

export function alertEmail(input: AlertMessageInput, now: Date, customerName?: string): { text: string; html: string } {
  const fr = input.language === "fr";
  const content: EmailContent = isCustomerKind(input.kind)
    ? {
        greeting: fr
          ? `Bonjour ${customerName ?? ""},`.replace(" ,", ",")
          : `Hello ${customerName ?? ""},`.replace(" ,", ","),
        blocks: customerLines(input, now),
        signature: fr ? `L'équipe ${BRAND}` : `The ${BRAND} team`,
      }
    : {
        greeting: fr ? "Bonjour," : "Hello,",
        blocks: [...teamLines(input, now), ...(input.pageLink ? [input.pageLink] : [])],
        signature: fr ? `La surveillance ${BRAND}` : `${BRAND} monitoring`,
      };
  const subject = alertSubject(input);
  return { text: layoutText(content), html: layoutHtml(input.language, subject, content) };
}

/** A Slack-compatible incoming-webhook body: `text` for every client, `blocks` for Slack's. */
export function webhookMessage(input: AlertMessageInput, now: Date): { text: string; blocks: unknown[] } {
  const subject = alertSubject(input);
  const lines = teamLines(input, now);
  const text = [subject, ...lines].join("\n");
  return {
    text,
    blocks: [
      { type: "header", text: { type: "plain_text", text: subject.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n").slice(0, 3000) } },
    ],
  };
}
