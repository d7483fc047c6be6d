// @mentions in an internal note: an admin is mentioned by their e-mail address after an @
// ("@claire@locod-ai.fr"), which names one admin without doubt, whatever their display name.

const MENTION = /(?:^|[\s(,;])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/** The e-mail addresses mentioned in a note's body, lowercased, each once, in order of appearance. */
export function mentionedEmails(body: string): string[] {
  const found: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    const email = match[1]!.replace(/[.]+$/, "").toLowerCase();
    if (!found.includes(email)) found.push(email);
  }
  return found;
}
