// Marketing & growth: two e-mail campaigns (one sent, one being sent) and the referral programme.
import type { EmailSendStatus, Prisma, ReferralStatus, RewardType } from "@prisma/client";
import type { DemoCustomer } from "./customers.js";
import { eur, type Money } from "./money.js";
import { createRng } from "./random.js";
import type { Staff } from "./staff.js";
import { uniqueIn } from "./text.js";
import { addMs, dateBetween, DAY, HOUR, minDate, MINUTE, startOfUtcDay } from "./time.js";

const activeAt = (c: DemoCustomer, t: Date) =>
  c.createdAt.getTime() < t.getTime() && (c.endedAt === null || c.endedAt.getTime() > t.getTime());

const NEWSLETTER_HTML = `<h1>Vos photos générées par l'IA</h1>
<p>Bonjour,</p>
<p>Plus besoin de photographe pour illustrer votre site : décrivez la photo dont vous avez besoin
(votre devanture, vos produits, votre équipe) et Locod-AI la génère en quelques minutes.</p>
<p><a href="https://locod-ai.test/app/images">Essayer la génération d'images</a></p>
<p>À très vite,<br>L'équipe Locod-AI</p>`;

const UPGRADE_HTML = `<h1>Passez au Pro : -20 % pendant 3 mois</h1>
<p>Bonjour,</p>
<p>Votre site Starter vous plaît ? L’offre Pro ajoute la prise de rendez-vous en ligne,
la génération d'images et 10 crédits IA par mois.</p>
<p><a href="https://locod-ai.test/app/abonnement">Profiter de l'offre</a> (valable jusqu'à la fin du mois)</p>
<p>L'équipe Locod-AI</p>`;

function htmlToText(html: string): string {
  return html
    .replace(/<br>/g, "\n")
    .replace(/<\/(h1|p)>/g, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function buildCampaigns(seed: number, now: Date, customers: readonly DemoCustomer[], staff: Staff) {
  const rng = createRng(seed, "email_campaigns");
  const sentAt = addMs(startOfUtcDay(addMs(now, -20 * DAY)), 9 * HOUR);
  const sendingSince = addMs(now, -45 * MINUTE);
  const campaigns: Prisma.EmailCampaignCreateManyInput[] = [
    {
      id: 1,
      name: "Lancement de la génération d'images",
      subject: "Nouveau : les photos de votre site générées en quelques minutes",
      contentHtml: NEWSLETTER_HTML,
      contentText: htmlToText(NEWSLETTER_HTML),
      segmentCriteria: { status: ["active"] },
      status: "sent",
      scheduledAt: sentAt,
      sentAt,
      createdBy: staff.admin,
      createdAt: addMs(sentAt, -3 * DAY),
    },
    {
      id: 2,
      name: "Offre de passage au Pro (clients Starter)",
      subject: "-20 % sur l’offre Pro pendant 3 mois",
      contentHtml: UPGRADE_HTML,
      contentText: htmlToText(UPGRADE_HTML),
      segmentCriteria: { status: ["active"], planType: ["starter"] },
      status: "sending",
      scheduledAt: sendingSince,
      sentAt: null,
      createdBy: staff.editor,
      createdAt: addMs(now, -2 * DAY),
    },
  ];

  const sends: Prisma.EmailSendCreateManyInput[] = [];
  const send = (
    campaignId: number,
    c: DemoCustomer,
    status: EmailSendStatus,
    at: Date,
    latest: Date,
  ): Prisma.EmailSendCreateManyInput => {
    const row: Prisma.EmailSendCreateManyInput = { campaignId, customerId: c.id, email: c.email, status };
    if (status === "pending") return row;
    row.sentAt = at;
    if (status === "bounced") {
      row.errorMessage = rng.pick(["550 5.1.1 Mailbox does not exist", "552 5.2.2 Mailbox full"]);
      return row;
    }
    if (status === "sent") return row;
    const deliveredAt = addMs(at, rng.int(1, 90) * 1000);
    row.deliveredAt = deliveredAt;
    if (status === "delivered") return row;
    // Opened (a complaint comes from someone who opened it too), then perhaps clicked.
    const openedAt = dateBetween(rng, addMs(deliveredAt, MINUTE), latest);
    row.openedAt = openedAt;
    if (status === "clicked") row.clickedAt = dateBetween(rng, addMs(openedAt, 10_000), latest);
    return row;
  };

  // Campaign 1 went to every customer active that morning, at about 10 e-mails a second.
  customers
    .filter((c) => activeAt(c, sentAt))
    .forEach((c, i) => {
      const status = rng.weighted<EmailSendStatus>({
        delivered: 42,
        opened: 28,
        clicked: 14,
        sent: 6,
        bounced: 8,
        complained: 2,
        pending: 0,
        failed: 0,
        skipped: 0,
      });
      const at = addMs(sentAt, i * 100);
      sends.push(send(1, c, status, at, addMs(sentAt, rng.chance(0.8) ? 2 * DAY : 15 * DAY)));
    });
  // Campaign 2 is halfway through its list.
  customers
    .filter((c) => c.planType === "starter" && activeAt(c, now))
    .forEach((c, i, list) => {
      const done = i < list.length / 2;
      const status: EmailSendStatus = done
        ? rng.weighted({ delivered: 60, opened: 20, clicked: 5, sent: 10, bounced: 5 })
        : "pending";
      sends.push(send(2, c, status, addMs(sendingSince, i * 2000), addMs(now, -MINUTE)));
    });
  sends.forEach((s, i) => (s.id = i + 1));
  return { campaigns, sends };
}

const REWARDS: Record<RewardType, Money> = { credit: eur("20.00"), discount: eur("10.00"), cash: eur("30.00") };

/** About 30 referrals: most turned into customers, some of whom earned their referrer a reward. */
export function buildReferrals(seed: number, now: Date, customers: readonly DemoCustomer[]) {
  const rng = createRng(seed, "referral_program");
  const codes = new Set<string>();
  const code = () => {
    const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const draw = () => Array.from({ length: 6 }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("");
    return uniqueIn(codes, `LOCOD-${draw()}`, () => `LOCOD-${draw()}`);
  };
  const rows: Prisma.ReferralCreateManyInput[] = [];
  const referred = rng.sample(
    customers.filter((c) => c.createdAt.getTime() > now.getTime() - 300 * DAY),
    24,
  );
  for (const friend of referred) {
    const referrers = customers.filter(
      (c) =>
        c.planType !== "free" && c.id !== friend.id && c.createdAt.getTime() < friend.createdAt.getTime() - 14 * DAY,
    );
    if (referrers.length === 0) continue;
    const referrer = rng.pick(referrers);
    const rewardType = rng.weighted<RewardType>({ credit: 60, discount: 30, cash: 10 });
    const createdAt = dateBetween(rng, addMs(friend.createdAt, -10 * DAY), addMs(friend.createdAt, -HOUR));
    // The reward is earned once the referred customer has paid a first month.
    const earnedAt = addMs(friend.createdAt, 30 * DAY);
    const earned = friend.planType !== "free" && earnedAt.getTime() < now.getTime();
    const status: ReferralStatus = !earned ? "pending" : rng.chance(0.5) ? "paid" : "earned";
    const paidAt = status === "paid" ? dateBetween(rng, earnedAt, minDate(addMs(earnedAt, 10 * DAY), now)) : null;
    rows.push({
      referrerId: referrer.id,
      referredId: friend.id,
      referralCode: code(),
      rewardType,
      rewardAmount: REWARDS[rewardType],
      status,
      earnedAt: status === "pending" ? null : earnedAt,
      paidAt,
      createdAt,
    });
  }
  // Invitations sent that nobody has taken up yet.
  for (const referrer of rng.sample(
    customers.filter((c) => c.planType !== "free" && c.endedAt === null),
    6,
  )) {
    const rewardType = rng.weighted<RewardType>({ credit: 60, discount: 30, cash: 10 });
    rows.push({
      referrerId: referrer.id,
      referredId: null,
      referralCode: code(),
      rewardType,
      rewardAmount: REWARDS[rewardType],
      status: "pending",
      createdAt: dateBetween(rng, addMs(now, -40 * DAY), addMs(now, -HOUR)),
    });
  }
  rows.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  rows.forEach((r, i) => (r.id = i + 1));
  return rows;
}
