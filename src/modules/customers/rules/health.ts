// The customer health score (issue 17, item 2): 0 to 100 from four signals, each worth a fixed share.
// Written down in the README (Customers, "Health score"); every threshold is here and nowhere else.
//
//   usage     30  AI requests in the last 30 days and live sites: 30 with both, 15 with one, 0 with neither
//   payments  30  overdue invoices (unpaid past their due date): 30 with none, 10 with one, 0 with more
//   tickets   20  open support tickets: 20 with none, 10 with one or two, 0 with three or more
//   uptime    20  uptime of the customer's sites over 30 days: 20 at 99.5 % or more, 10 at 98 % or more,
//                 0 below; 20 when no site was checked (nothing to hold against the customer)
//
// Grade: healthy from 70, at risk from 40, critical below.

export interface HealthInputs {
  /** AI requests created in the last 30 days. */
  aiRequests30d: number;
  /** Sites live now (status active). */
  liveSites: number;
  /** Invoices unpaid past their due date. */
  overdueInvoices: number;
  /** Open support tickets (open or pending). */
  openTickets: number;
  /** Share of successful checks of the customer's sites over 30 days, 0 to 1; null when none was checked. */
  uptime: number | null;
}

export type HealthGrade = "healthy" | "at_risk" | "critical";

export interface HealthScore {
  score: number;
  grade: HealthGrade;
  parts: { usage: number; payments: number; tickets: number; uptime: number };
}

export const HEALTHY_FROM = 70;
export const AT_RISK_FROM = 40;

export function usagePoints(aiRequests30d: number, liveSites: number): number {
  const signals = (aiRequests30d > 0 ? 1 : 0) + (liveSites > 0 ? 1 : 0);
  return signals * 15;
}

export function paymentPoints(overdueInvoices: number): number {
  if (overdueInvoices <= 0) return 30;
  return overdueInvoices === 1 ? 10 : 0;
}

export function ticketPoints(openTickets: number): number {
  if (openTickets <= 0) return 20;
  return openTickets <= 2 ? 10 : 0;
}

export function uptimePoints(uptime: number | null): number {
  if (uptime === null) return 20;
  if (uptime >= 0.995) return 20;
  return uptime >= 0.98 ? 10 : 0;
}

export function healthGrade(score: number): HealthGrade {
  if (score >= HEALTHY_FROM) return "healthy";
  return score >= AT_RISK_FROM ? "at_risk" : "critical";
}

export function healthScore(inputs: HealthInputs): HealthScore {
  const parts = {
    usage: usagePoints(inputs.aiRequests30d, inputs.liveSites),
    payments: paymentPoints(inputs.overdueInvoices),
    tickets: ticketPoints(inputs.openTickets),
    uptime: uptimePoints(inputs.uptime),
  };
  const score = parts.usage + parts.payments + parts.tickets + parts.uptime;
  return { score, grade: healthGrade(score), parts };
}
