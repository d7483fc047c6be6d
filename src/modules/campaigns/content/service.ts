// A campaign's content: checked when it is saved (Liquid strict: an unknown variable is an error then,
// MJML strict), previewed per language, and sent as a test to the admin. Content can change only while
// the campaign is a draft: what was sent stays what the sends record.
import type { EmailCampaign, Prisma, PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { parseSegmentCriteria } from "../segments/rules/criteria.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import type { MailSettings } from "../../../lib/email/mailer.js";
import { sendMail } from "../../../lib/email/mailer.js";
import { SAMPLE_VARIABLES, type CampaignVariables } from "./rules/liquid.js";
import { extractLinks } from "./rules/links.js";
import {
  checkVersion,
  compileVersion,
  layoutHtml,
  renderMessage,
  type ContentLanguage,
  type RenderedMessage,
} from "./rules/render.js";

type ContentFields = Pick<
  EmailCampaign,
  | "subject"
  | "contentHtml"
  | "contentText"
  | "subjectEn"
  | "contentHtmlEn"
  | "contentTextEn"
  | "subjectB"
  | "subjectBEn"
>;

/** Checks every version of the content; throws a validation error naming each field at fault. */
export async function checkCampaignContent(c: Partial<ContentFields>): Promise<{ links: string[] }> {
  const problems = [
    ...(await checkVersion({ subject: c.subject, html: c.contentHtml, text: c.contentText })),
    ...(await checkVersion(
      { subject: c.subjectEn ?? undefined, html: c.contentHtmlEn ?? undefined, text: c.contentTextEn },
      "En",
    )),
    ...(await checkVersion({ subject: c.subjectB ?? undefined })).map((p) => ({ ...p, field: "subjectB" })),
    ...(await checkVersion({ subject: c.subjectBEn ?? undefined })).map((p) => ({ ...p, field: "subjectBEn" })),
  ];
  const en = [c.subjectEn, c.contentHtmlEn].filter((v) => v !== null && v !== undefined && v !== "");
  if (en.length === 1) {
    // Both fields of the pair are named: the one given and the one missing.
    const message = "the English version needs a subject and a body";
    problems.push({ field: "subjectEn", message }, { field: "contentHtmlEn", message });
  }
  if (problems.length) throw new AppError("validation", "The campaign's content is not valid", problems);
  const bodies = await Promise.all(
    [c.contentHtml, c.contentHtmlEn].filter((b): b is string => Boolean(b)).map(layoutHtml),
  );
  return { links: extractLinks(...bodies) };
}

/** The version a customer of `language` gets: English when the campaign has one, French otherwise. */
export function versionFor(c: ContentFields, language: ContentLanguage) {
  if (language === "en" && c.subjectEn && c.contentHtmlEn) {
    return {
      version: { subject: c.subjectEn, html: c.contentHtmlEn, text: c.contentTextEn },
      subjectB: c.subjectBEn ?? c.subjectB,
    };
  }
  return { version: { subject: c.subject, html: c.contentHtml, text: c.contentText }, subjectB: c.subjectB };
}

const CAMPAIGN_AUDIT = "email_campaigns";

/** The table's writes (AdminJS forms and REST): content checked, and only a draft changes. */
/** A campaign's segment_criteria must be a segment's criteria; a fault names segmentCriteria.<path>. */
function checkSegmentCriteria(data: Record<string, unknown>): void {
  const value = data.segmentCriteria;
  if (value == null) return;
  const parsed = parseSegmentCriteria(value);
  if (!parsed.ok) {
    const errors = parsed.problems.map((p) => {
      const path = p.field.replace(/^criteria\.?/, "");
      return { ...p, field: path ? `segmentCriteria.${path}` : "segmentCriteria" };
    });
    throw new AppError("validation", "The segment criteria are invalid", errors);
  }
}

export function campaignWrites(prisma: PrismaClient) {
  return {
    async create(data: Record<string, unknown>) {
      checkSegmentCriteria(data);
      await checkCampaignContent(data as Partial<ContentFields>);
      return prisma.$transaction(async (tx) => {
        const row = await tx.emailCampaign.create({ data: data as Prisma.EmailCampaignUncheckedCreateInput });
        await writeAudit(tx, { action: "create", resourceType: CAMPAIGN_AUDIT, resourceId: row.id, after: row });
        return row;
      });
    },
    async update(id: string, data: Record<string, unknown>) {
      const campaignId = Number(id);
      return prisma.$transaction(async (tx) => {
        const before = await tx.emailCampaign.findUnique({ where: { id: campaignId } });
        if (!before) throw new AppError("not_found", `Campaign #${id} does not exist`);
        checkSegmentCriteria(data);
        await checkCampaignContent({ ...before, ...(data as Partial<ContentFields>) });
        const { count } = await tx.emailCampaign.updateMany({
          where: { id: campaignId, status: "draft" },
          data: data as Prisma.EmailCampaignUncheckedUpdateManyInput,
        });
        if (count === 0)
          throw new AppError("conflict", `Campaign #${id} is ${before.status}: only a draft can be edited`);
        const after = await tx.emailCampaign.findUniqueOrThrow({ where: { id: campaignId } });
        await writeAudit(tx, { action: "update", resourceType: CAMPAIGN_AUDIT, resourceId: campaignId, before, after });
        return after;
      });
    },
  };
}

/** The campaign as a customer of `language` sees it, with the sample customer's variables. */
export async function previewCampaign(
  prisma: Pick<PrismaClient, "emailCampaign">,
  id: number,
  language: ContentLanguage,
  variables: CampaignVariables = SAMPLE_VARIABLES,
): Promise<RenderedMessage & { language: ContentLanguage }> {
  requirePermission("campaigns", "view");
  const c = await prisma.emailCampaign.findUnique({ where: { id } });
  if (!c) throw new AppError("not_found", `Campaign #${id} does not exist`);
  const { version, subjectB } = versionFor(c, language);
  const compiled = await compileVersion(version, subjectB);
  const rendered = renderMessage(compiled, "a", variables, { links: [], click: () => "", openPixel: "" });
  // The preview has no recipient: no tracking pixel in it.
  return { ...rendered, html: rendered.html.replace(/<img src="" width="1" height="1"[^>]*>/, ""), language };
}

/** Sends the campaign, in `language`, to the admin's own address: not tracked, not recorded as a send. */
export async function testSendCampaign(
  deps: { prisma: PrismaClient; mail: MailSettings },
  id: number,
  language: ContentLanguage,
): Promise<{ to: string; messageId: string }> {
  const admin = requirePermission("campaigns", "send");
  const preview = await previewCampaign(deps.prisma, id, language, {
    customer: { name: admin.name, email: admin.email, plan: "pro", language },
    unsubscribe_url: "#",
  });
  const messageId = await sendMail(
    deps.mail,
    { to: admin.email, subject: `[TEST] ${preview.subject}`, text: preview.text, html: preview.html },
    { prisma: deps.prisma },
  );
  await deps.prisma.$transaction((tx) =>
    writeAudit(tx, {
      action: "campaigns.test_send",
      resourceType: CAMPAIGN_AUDIT,
      resourceId: id,
      after: { to: admin.email, language },
    }),
  );
  return { to: admin.email, messageId };
}
