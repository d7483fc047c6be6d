// Builds every row of the demo data in memory, with explicit ids, from a `now` and a seed: no I/O, so
// the same inputs always give the same rows (prisma/seed.ts writes them).
import type { Prisma } from "@prisma/client";
import { buildActivityLog } from "./activity.js";
import { buildAiRequests } from "./ai-requests.js";
import {
  buildCustomers,
  buildPlans,
  buildSiteConfigs,
  buildSites,
  buildSubscriptions,
  customerRows,
  siteRows,
  subscriptionRows,
} from "./customers.js";
import { buildCampaigns, buildReferrals } from "./growth.js";
import { buildCampaignTracking } from "./campaign-tracking.js";
import { buildInvoices } from "./invoices.js";
import { buildSubscriptionHistory } from "./subscription-history.js";
import { buildSiteMonitoring, snapshotDays, type DemoSnapshotDay } from "./metrics.js";
import { buildMonitors } from "./monitors.js";
import { buildAlerts } from "./alerts.js";
import { buildSiteAnalytics } from "./site-analytics.js";
import { buildAdmins, type DemoAdminInput } from "./staff.js";
import { buildTemplates } from "./templates.js";
import { buildAbTests, type DemoAbEvent } from "./ab-tests.js";
import { buildSegments } from "./segments.js";
import { buildSupport, type DemoSupport } from "./support.js";
import { buildCrm, type DemoCrm } from "./crm.js";

/** Any fixed number: changing it gives another, equally plausible, demo world. */
export const DEMO_SEED = 20_261_125;

/** Rows per table, in an order that satisfies the foreign keys. */
export interface DemoData extends DemoSupport, DemoCrm {
  adminUsers: Prisma.AdminUserCreateManyInput[];
  billingPlans: Prisma.BillingPlanCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  templates: Prisma.TemplateCreateManyInput[];
  templateVersions: Prisma.TemplateVersionCreateManyInput[];
  templateAbTests: Prisma.TemplateAbTestCreateManyInput[];
  /** The A/B tests' events; seed.ts rolls them up. */
  templateAbEvents: DemoAbEvent[];
  sites: Prisma.SiteCreateManyInput[];
  siteConfigs: Prisma.SiteConfigCreateManyInput[];
  customerSubscriptions: Prisma.CustomerSubscriptionCreateManyInput[];
  /** The subscriptions' MRR history: the Revenue page's 12 months of movements. */
  subscriptionHistory: Prisma.SubscriptionHistoryCreateManyInput[];
  aiRequests: Prisma.AiRequestCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  invoiceItems: Prisma.InvoiceItemCreateManyInput[];
  /** The days seed.ts snapshots with the nightly job's function, once the other rows are in. */
  businessMetrics: DemoSnapshotDay[];
  siteMonitoring: Prisma.SiteMonitoringCreateManyInput[];
  monitors: Prisma.MonitorCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
  maintenanceWindows: Prisma.MaintenanceWindowCreateManyInput[];
  alertChannels: Prisma.AlertChannelCreateManyInput[];
  alertOnCall: Prisma.AlertOnCallCreateManyInput[];
  alertEscalationLevels: Prisma.AlertEscalationLevelCreateManyInput[];
  incidentNotifications: Prisma.IncidentNotificationCreateManyInput[];
  /** 90 days of site analytics rollups of the live sites. */
  siteAnalyticsDaily: Prisma.SiteAnalyticsDailyCreateManyInput[];
  emailCampaigns: Prisma.EmailCampaignCreateManyInput[];
  emailSends: Prisma.EmailSendCreateManyInput[];
  segments: Prisma.SegmentCreateManyInput[];
  emailSuppressions: Prisma.EmailSuppressionCreateManyInput[];
  emailClicks: Prisma.EmailClickCreateManyInput[];
  emailEvents: Prisma.EmailEventCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
  adminActivityLog: Prisma.AdminActivityLogCreateManyInput[];
}

export interface BuildOptions {
  /** Every date is relative to it. */
  now: Date;
  /** The admins, with their password hashes; one of each role. */
  admins: readonly DemoAdminInput[];
  seed?: number;
}

export function buildDemoData({ now, admins, seed = DEMO_SEED }: BuildOptions): DemoData {
  const { rows: adminRows, staff } = buildAdmins(now, admins);
  const templates = buildTemplates(now, staff);
  const abTests = buildAbTests(seed, now, staff, templates);
  const customers = buildCustomers(seed, now);
  const subscriptions = buildSubscriptions(seed, now, customers);
  const sites = buildSites(seed, now, customers);
  const requests = buildAiRequests(seed, now, customers, sites, staff);
  const billing = buildInvoices(seed, now, customers, subscriptions, requests);
  for (const r of requests) r.row.billingStatus = billing.billingStatus.get(r.row.id) ?? "pending";
  const { campaigns, sends } = buildCampaigns(seed, now, customers, staff);
  const tracking = buildCampaignTracking(seed, campaigns, sends);
  const activity = buildActivityLog({
    now,
    staff,
    requests,
    invoices: billing.summary,
    customers,
    templateVersions: templates.versions,
    abTests: abTests.tests,
    campaigns,
  });
  for (const a of adminRows) a.lastLogin = activity.lastLogin.get(a.id!) ?? null;
  const checks = buildSiteMonitoring(seed, now, sites);
  const monitoring = buildMonitors(seed, now, sites, checks, staff);
  const alerts = buildAlerts(now, staff, adminRows, monitoring.incidents);

  return {
    adminUsers: adminRows,
    billingPlans: buildPlans(now),
    customers: customerRows(customers),
    templates: templates.templates,
    templateVersions: templates.versions,
    templateAbTests: abTests.tests,
    templateAbEvents: abTests.events,
    // Each site records the template and version it was built from (templates usage analytics).
    sites: siteRows(sites).map((row, i) => ({
      ...row,
      templateId: templates.idByKey[sites[i]!.template],
      templateVersionId: templates.versionIdAt(sites[i]!.template, sites[i]!.createdAt),
    })),
    siteConfigs: buildSiteConfigs(seed, now, sites, customers, templates),
    customerSubscriptions: subscriptionRows(subscriptions),
    subscriptionHistory: buildSubscriptionHistory(subscriptions),
    aiRequests: requests.map((r) => r.row),
    invoices: billing.invoices,
    invoiceItems: billing.items,
    businessMetrics: snapshotDays(now),
    siteMonitoring: checks.rows,
    monitors: monitoring.monitors,
    incidents: monitoring.incidents,
    maintenanceWindows: monitoring.maintenanceWindows,
    ...alerts,
    siteAnalyticsDaily: buildSiteAnalytics(seed, now, sites),
    emailCampaigns: campaigns,
    emailSends: sends,
    segments: buildSegments(now, staff),
    emailSuppressions: tracking.suppressions,
    emailClicks: tracking.clicks,
    emailEvents: tracking.events,
    referrals: buildReferrals(seed, now, customers),
    adminActivityLog: activity.rows,
    ...buildSupport(
      now,
      staff,
      customers,
      sites,
      requests.map((r) => r.row),
      billing.summary,
    ),
    ...buildCrm(now, staff, customers),
  };
}
