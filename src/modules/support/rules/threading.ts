// E-mail threading of support tickets: which earlier messages an inbound e-mail answers, and the
// headers our replies carry so that the customer's answer comes back to the same ticket.

const ID = /<[^<>\s]+>/g;

/** The Message-IDs an e-mail refers to: In-Reply-To first, then References newest first, once each. */
export function referencedIds(
  inReplyTo: string | undefined | null,
  references: string | string[] | undefined | null,
): string[] {
  const refs = Array.isArray(references) ? references.join(" ") : (references ?? "");
  const fromRefs = (refs.match(ID) ?? []).reverse();
  const fromReply = (inReplyTo ?? "").match(ID) ?? [];
  return [...new Set([...fromReply, ...fromRefs])];
}

/** A Message-ID in its angle brackets, as stored ("<abc@host>"); null when there is none. */
export function normaliseMessageId(id: string | undefined | null): string | null {
  if (!id) return null;
  const trimmed = id.trim();
  if (trimmed === "") return null;
  const match = trimmed.match(/<[^<>\s]+>/);
  if (match) return match[0];
  return /^[^<>\s]+@[^<>\s]+$/.test(trimmed) ? `<${trimmed}>` : null;
}

/** The Message-ID of our reply `messageId` on `ticketId`, under the host of the sender's address. */
export function replyMessageId(ticketId: number, messageId: number, fromAddress: string): string {
  const host = /@([^>\s]+)/.exec(fromAddress)?.[1] ?? "locod-ai.local";
  return `<support-${ticketId}-${messageId}@${host.replace(/[>\s]/g, "")}>`;
}

/**
 * The threading headers of a reply: In-Reply-To the last message of the thread, References the thread's
 * ids oldest first (RFC 5322 3.6.4), at most 20 (the first and the last 19).
 */
export function threadHeaders(threadIds: readonly string[]): { inReplyTo?: string; references?: string } {
  const ids = threadIds.filter((id) => id !== "");
  if (ids.length === 0) return {};
  const kept = ids.length > 20 ? [ids[0]!, ...ids.slice(-19)] : ids;
  return { inReplyTo: ids[ids.length - 1], references: kept.join(" ") };
}

/** A reply's subject: "Re: " once before the ticket's subject, with its [#id] tag. */
export function replySubject(ticketId: number, subject: string): string {
  const bare = subject
    .replace(/^\s*((re|fwd?|tr|aw)\s*:\s*)+/i, "")
    .replace(/\s*\[#\d+\]\s*/g, " ")
    .trim();
  return `Re: ${bare} [#${ticketId}]`;
}

/** A ticket's subject from an inbound e-mail's: without "Re:"/"Fwd:" prefixes, never empty. */
export function ticketSubject(subject: string | undefined | null, fallback: string): string {
  const bare = (subject ?? "").replace(/^\s*((re|fwd?|tr|aw)\s*:\s*)+/i, "").trim();
  return (bare === "" ? fallback : bare).slice(0, 300);
}
