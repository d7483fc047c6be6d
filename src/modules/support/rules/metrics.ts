// Support metrics (issue 17, item 6) of the tickets opened in a period: volume, first response and
// resolution times, CSAT, and the same per agent.

export interface MetricTicket {
  createdAt: Date;
  assigneeId: number | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  csatScore: number | null;
}

export interface MetricFigures {
  tickets: number;
  resolved: number;
  /** Minutes, over the tickets that had a first response / were resolved; null when none. */
  firstResponseMedianMinutes: number | null;
  firstResponseAverageMinutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionAverageMinutes: number | null;
  csatAverage: number | null;
  csatResponses: number;
  /** Share of CSAT answers of 4 or 5, in percent; null without answers. */
  csatSatisfiedPercent: number | null;
}

export interface SupportMetrics extends MetricFigures {
  perAgent: ({ assigneeId: number | null } & MetricFigures)[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

function figures(tickets: readonly MetricTicket[]): MetricFigures {
  const firsts = tickets.filter((t) => t.firstResponseAt).map((t) => minutes(t.createdAt, t.firstResponseAt!));
  const resolutions = tickets.filter((t) => t.resolvedAt).map((t) => minutes(t.createdAt, t.resolvedAt!));
  const scores = tickets.map((t) => t.csatScore).filter((s): s is number => s !== null);
  const opt = (n: number | null) => (n === null ? null : round1(n));
  return {
    tickets: tickets.length,
    resolved: resolutions.length,
    firstResponseMedianMinutes: opt(median(firsts)),
    firstResponseAverageMinutes: opt(average(firsts)),
    resolutionMedianMinutes: opt(median(resolutions)),
    resolutionAverageMinutes: opt(average(resolutions)),
    csatAverage: scores.length === 0 ? null : Math.round((average(scores)! + Number.EPSILON) * 100) / 100,
    csatResponses: scores.length,
    csatSatisfiedPercent:
      scores.length === 0 ? null : round1((scores.filter((s) => s >= 4).length / scores.length) * 100),
  };
}

/** The figures of all the tickets, and of each assignee's (unassigned last), agents in id order. */
export function supportMetrics(tickets: readonly MetricTicket[]): SupportMetrics {
  const byAgent = new Map<number | null, MetricTicket[]>();
  for (const t of tickets) byAgent.set(t.assigneeId, [...(byAgent.get(t.assigneeId) ?? []), t]);
  const agents = [...byAgent.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return {
    ...figures(tickets),
    perAgent: agents.map((assigneeId) => ({ assigneeId, ...figures(byAgent.get(assigneeId)!) })),
  };
}

/** The periods the metrics page offers, in days. */
export const METRIC_PERIODS = [7, 30, 90] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];
