import { defineModule } from "../../module.js";
import { billingTimeline } from "./timeline.js";
import { billingResources } from "./resource.js";
import { SUBSCRIPTION_OPERATIONS, subscriptionRoutes } from "./subscription-routes.js";
import { BILLING_DOCUMENT_OPERATIONS, billingDocumentRoutes, billingDownloadRoutes } from "./document-routes.js";
import { REVENUE_OPERATIONS, revenueRoutes } from "./revenue-routes.js";
import { REFUND_AND_ALERT_OPERATIONS, refundAndAlertRoutes } from "./refund-and-alert-routes.js";
import { INVOICING_OPERATIONS, invoicingRoutes } from "./invoicing-routes.js";
import { stripeWebhookRoutes } from "./stripe/webhook-routes.js";
import { stripeFor } from "./stripe/client.js";
import { subscriptionGatewayFor } from "./stripe/gateway.js";
import { revenuePage } from "./metrics.js";
import { billingLocale } from "./locale.js";
import { billingTables } from "./tables.js";
import { billingEmailRenderers } from "./emails.js";
import { billingJobs, billingSchedules } from "./jobs.js";
import { stripeJobs, stripeSchedules } from "./stripe/jobs.js";

export const billingModule = defineModule({
  name: "billing",
  // Its events in a customer\'s story (the customer 360 timeline).
  customerTimeline: billingTimeline,
  tables: billingTables,
  locale: billingLocale,
  navigation: { name: ["Facturation", "Billing"], icon: "CreditCard" },
  resources: billingResources,
  // All before the table routes, which mount last: none of these paths is a row.
  api: [
    {
      routes: (deps) =>
        subscriptionRoutes({ prisma: deps.prisma, subscriptionGateway: subscriptionGatewayFor(deps.config) }),
      operations: SUBSCRIPTION_OPERATIONS,
    },
    // /billing/invoices/:id/pdf and /billing/export/*.csv.
    { routes: billingDocumentRoutes, operations: BILLING_DOCUMENT_OPERATIONS },
    // Metrics, overdue invoices and reminders (/billing/invoices/overdue).
    { routes: revenueRoutes, operations: REVENUE_OPERATIONS },
    // Refunds and billing alerts (/billing/invoices/:id/refunds).
    {
      routes: (deps) => refundAndAlertRoutes({ prisma: deps.prisma, stripe: stripeFor(deps.config) }),
      operations: REFUND_AND_ALERT_OPERATIONS,
    },
    // Issue a draft, run a month's invoicing (/billing/invoices/:id/issue).
    {
      routes: (deps) =>
        invoicingRoutes({ prisma: deps.prisma, queues: deps.queues, stripeEnabled: Boolean(stripeFor(deps.config)) }),
      operations: INVOICING_OPERATIONS,
    },
  ],
  adminRoutes: billingDownloadRoutes,
  webhooks: stripeWebhookRoutes,
  pages: {
    // The Revenue page (components/RevenuePage.tsx); the handler refuses admins without billing.view.
    revenue: { component: "RevenuePage", icon: "TrendingUp", handler: async (deps) => revenuePage(deps.prisma) },
  },
  jobs: [...billingJobs, ...stripeJobs],
  schedules: [...billingSchedules, ...stripeSchedules],
  emailRenderers: billingEmailRenderers,
});
