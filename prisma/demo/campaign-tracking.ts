// The campaigns' tracking and consent: the links each sent campaign froze, a click row per clicked send
// (some clicked twice), the provider's bounce and complaint events, and the suppression list they and
// a few unsubscribes made.
import type { Prisma } from "@prisma/client";
import { createRng } from "./random.js";
import { addMs, MINUTE } from "./time.js";

const LINKS: Record<number, string[]> = {
  1: ["https://locod-ai.test/app/images"],
  2: ["https://locod-ai.test/app/abonnement"],
};

export function buildCampaignTracking(
  seed: number,
  campaigns: Prisma.EmailCampaignCreateManyInput[],
  sends: readonly Prisma.EmailSendCreateManyInput[],
) {
  const rng = createRng(seed, "email_tracking");
  for (const c of campaigns) if (c.id && LINKS[c.id]) c.links = LINKS[c.id];
  const clicks: Prisma.EmailClickCreateManyInput[] = [];
  const events: Prisma.EmailEventCreateManyInput[] = [];
  const suppressions: Prisma.EmailSuppressionCreateManyInput[] = [];
  const suppressed = new Set<string>();
  for (const s of sends) {
    if (s.status === "clicked" && s.clickedAt) {
      const at = new Date(s.clickedAt);
      clicks.push({ id: clicks.length + 1, sendId: s.id!, linkIndex: 0, clickedAt: at });
      if (rng.chance(0.3))
        clicks.push({ id: clicks.length + 1, sendId: s.id!, linkIndex: 0, clickedAt: addMs(at, 5 * MINUTE) });
    }
    if ((s.status === "bounced" || s.status === "complained") && !suppressed.has(s.email)) {
      const at = addMs(new Date(s.sentAt ?? Date.now()), 2 * MINUTE);
      events.push({
        id: events.length + 1,
        eventId: `demo-${s.status}-${s.id}`,
        kind: s.status,
        email: s.email,
        sendId: s.id!,
        receivedAt: at,
      });
      suppressions.push({
        id: suppressions.length + 1,
        email: s.email,
        customerId: s.customerId ?? null,
        reason: s.status,
        source: "webhook",
        campaignId: s.campaignId,
        createdAt: at,
      });
      suppressed.add(s.email);
    }
  }
  // A few recipients of the first campaign withdrew their consent with its one-click link.
  for (const s of sends.filter((x) => x.campaignId === 1 && x.status === "opened").slice(0, 3)) {
    if (suppressed.has(s.email)) continue;
    suppressions.push({
      id: suppressions.length + 1,
      email: s.email,
      customerId: s.customerId ?? null,
      reason: "unsubscribed",
      source: "list_unsubscribe_post",
      campaignId: 1,
      createdAt: addMs(new Date(s.openedAt ?? Date.now()), MINUTE),
    });
    suppressed.add(s.email);
  }
  return { clicks, events, suppressions };
}
