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
    // AdminJS's logged-in menu, with a link to the change-password page.
    LoggedIn: override("LoggedIn", "LoggedIn.tsx"),
    // Names for the stock screens' unnamed controls (checkboxes, filters, pager), on every page.
    SidebarFooter: override("SidebarFooter", "a11y/AccessibleSidebarFooter.tsx"),
  };
}

export type Components = ReturnType<typeof createComponents>;
