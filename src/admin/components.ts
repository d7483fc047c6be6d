// React components bundled by AdminJS (rollup, offline) into .adminjs/ at start-up.
import path from "node:path";
import { PROJECT_ROOT } from "../lib/project-root.js";
import { ComponentLoader } from "adminjs";

const dir = path.join(PROJECT_ROOT, "components");

export function createComponents() {
  const loader = new ComponentLoader();
  const add = (name: string, file: string) => loader.add(name, path.join(dir, file));
  const override = (name: string, file: string) => loader.override(name, path.join(dir, file));
  return {
    loader,
    Dashboard: add("Dashboard", "Dashboard.tsx"),
    Money: add("Money", "Money.tsx"),
    // Money typed "1,50", "1.50" or "1 234,50" in forms (lib/format parseAmount).
    MoneyEdit: add("MoneyEdit", "MoneyEdit.tsx"),
    // Whole numbers grouped in the admin's language in lists and record pages.
    NumberValue: add("NumberValue", "NumberValue.tsx"),
    Json: add("Json", "Json.tsx"),
    JsonEdit: add("JsonEdit", "JsonEdit.tsx"),
    ConfirmAction: add("ConfirmAction", "ConfirmAction.tsx"),
    NewPassword: add("NewPassword", "NewPassword.tsx"),
    // AI requests: Complete (content JSON, cost, notes) and Reject (reason).
    AiRequestTransition: add("AiRequestTransition", "AiRequestTransition.tsx"),
    // AI requests: the Claude Code brief download and the result import (modules/ai-queue/brief.ts).
    ExportBrief: add("ExportBrief", "ExportBrief.tsx"),
    ImportResult: add("ImportResult", "ImportResult.tsx"),
    // The "Queue IA" page: tabs, SLA colours, one-click take, metrics (modules/ai-queue/metrics.ts).
    QueueBoard: add("QueueBoard", "QueueBoard.tsx"),
    // The "Revenue" page: KPIs, 12 months of MRR movements, overdue invoices (modules/billing/metrics.ts).
    RevenuePage: add("RevenuePage", "RevenuePage.tsx"),
    // Invoices: "Download PDF" and the "Accounting export" form (modules/billing/document-routes.ts).
    InvoicePdf: add("InvoicePdf", "InvoicePdf.tsx"),
    // Subscriptions: "Change plan" (modules/billing/subscription-actions.ts).
    SubscriptionPlanChange: add("SubscriptionPlanChange", "SubscriptionPlanChange.tsx"),
    // Invoices: "Refund" (amount, reason; modules/billing/refund-actions.ts).
    RefundInvoice: add("RefundInvoice", "RefundInvoice.tsx"),
    // Invoices: "Run monthly invoicing" (a month; modules/billing/invoice-actions.ts).
    InvoicingRun: add("InvoicingRun", "InvoicingRun.tsx"),
    // A form field that follows the record's stage ("create": typed on the new form, shown afterwards;
    // "issued": only on an issued invoice): invoices, their lines, a setting's key.
    FormStageField: add("FormStageField", "FormStageField.tsx"),
    // Business metrics: the dashboard's "Alert thresholds" form (modules/analytics/thresholds.ts).
    AlertThresholds: add("AlertThresholds", "AlertThresholds.tsx"),
    // CSV exports over a range of days (src/admin/range-export.ts): accounting, business metrics.
    RangeExport: add("RangeExport", "RangeExport.tsx"),
    // A JSON column shown and edited through the form of its schema (src/lib/json-form.ts): AI requests.
    SchemaJson: add("SchemaJson", "SchemaJson.tsx"),
    // AdminJS's logged-in menu, with a link to the change-password page.
    LoggedIn: override("LoggedIn", "LoggedIn.tsx"),
    // AdminJS's top bar whose language selector stores the choice on the admin (auth/language.ts).
    TopBar: override("TopBar", "LanguageSwitch.tsx"),
    // Dates and timestamps in the admin's language, timestamps in Paris time with the zone named.
    DatetimeList: override("DefaultDatetimeListProperty", "DateValue.tsx"),
    DatetimeShow: override("DefaultDatetimeShowProperty", "DateValue.tsx"),
    // AdminJS's login page with a FR | EN switch.
    Login: override("Login", "LoginLanguage.tsx"),
    // A record's page with the rows that belong to it (the table spec's `related`).
    RecordShow: add("RecordShow", "RecordShow.tsx"),
    // Monitoring: the status overview page and a site's monitoring view (modules/monitoring/uptime/screens.ts).
    MonitoringStatus: add("MonitoringStatus", "monitoring/MonitoringStatus.tsx"),
    SiteMonitoring: add("SiteMonitoring", "monitoring/SiteMonitoring.tsx"),
    // A row naming another table's row (the audit log): the table's name, the row's title and link.
    RecordLink: add("RecordLink", "RecordLink.tsx"),
    // The action header: at most three record actions, the rest in a menu; the record's title as heading.
    ActionHeader: override("ActionHeader", "ActionHeader.tsx"),
    // Enum values as badges coloured by meaning (src/lib/status-tone.ts), on every list and page.
    PropertyValue: override("DefaultPropertyValue", "PropertyValue.tsx"),
    // A reference filter that does not call a search the admin may not use (no 403 on list pages).
    ReferenceFilter: override("DefaultReferenceFilterProperty", "ReferenceFilter.tsx"),
    // The same for a reference's edit field: an id field where the admin may not search that table.
    ReferenceEdit: override("DefaultReferenceEditProperty", "ReferenceEdit.tsx"),
    // "My account": changing one's own password inside the layout (modules/settings/account-routes.ts).
    AccountPassword: add("AccountPassword", "AccountPassword.tsx"),
    // AdminJS's routes, with a 403 or 404 page inside the layout instead of the "not found" illustration.
    ResourceRoute: override("ResourceRoute", "RouteGuard.tsx"),
    ResourceActionRoute: override("ResourceActionRoute", "RouteGuard.tsx"),
    RecordActionRoute: override("RecordActionRoute", "RouteGuard.tsx"),
    BulkActionRoute: override("BulkActionRoute", "RouteGuard.tsx"),
    PageRoute: override("PageRoute", "RouteGuard.tsx"),
    // Names for the stock screens' unnamed controls (checkboxes, filters, pager), on every page.
    SidebarFooter: override("SidebarFooter", "a11y/AccessibleSidebarFooter.tsx"),
    // A site's "Backups": versions, diff, download, back up now, restore (modules/sites/backups).
    SiteBackups: add("SiteBackups", "sites/SiteBackups.tsx"),
    // A caught e-mail's HTML in a sandboxed iframe (srcdoc, no scripts): modules/settings caught_emails.
    CaughtEmailHtml: add("CaughtEmailHtml", "CaughtEmailHtml.tsx"),
    // A site's "Audience": visitors, page views, pages, referrers, goals, Web Vitals (monitoring/site-analytics).
    SiteAnalytics: add("SiteAnalytics", "monitoring/SiteAnalytics.tsx"),
    // An A/B test's "Report": variants, conversion over time, lift, p-value, SRM, guards, declare winner.
    AbReport: add("AbReport", "templates/AbReport.tsx"),
    // Marketing's "Segments": the segment builder (campaigns/SegmentBuilder.tsx) with its live preview.
    SegmentsPage: add("SegmentsPage", "campaigns/SegmentsPage.tsx"),
  };
}

export type Components = ReturnType<typeof createComponents>;
