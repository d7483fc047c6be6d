// The alert rule of an incident, as a plain function of what is recorded: the alert job runs it every
// minute for each open or newly resolved incident and sends what it returns (each under a unique key,
// so a second run of the same minute finds it recorded and returns nothing new).
//
// - Level 1 is alerted at once (the "opened" alert), unless the site is in maintenance.
// - Level N (2, 3) is alerted ("escalated") `afterMinutes` after the first alert while nobody has
//   acknowledged the incident; an acknowledged incident never escalates.
// - Reminders go to every channel alerted so far while the incident is open and unacknowledged, no
//   sooner than `reminderMinutes` after the latest alert of the incident (0: no reminders).
// - A resolved incident gets one "resolved" message to every channel alerted before; a customer told
//   of the outage is told it is over. These go out in maintenance too: they close what was sent.
// - The customer's notice (opt-in) goes once the incident has been open `afterMinutes`.
// - In maintenance nothing new is sent; the ladder counts from the first alert, so an outage that
//   outlasts its window alerts level 1 first, then escalates after the delay.

export type NotificationKind =
  "opened" | "escalated" | "reminder" | "resolved" | "customer_notice" | "customer_resolved";

export interface RecordedNotification {
  kind: NotificationKind;
  seq: number;
  level: number;
  /** "channel:<id>" or "customer:<id>" */
  target: string;
  createdAt: Date;
}

export interface IncidentState {
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

export interface AlertPolicy {
  /** Channel ids on call by level (1, 2, 3). */
  onCall: ReadonlyMap<number, readonly number[]>;
  /** Minutes after the first alert, by level (2, 3); a level missing here is never reached. */
  ladder: ReadonlyMap<number, number>;
  /** Minimum minutes between an alert and the next reminder; 0: no reminders. */
  reminderMinutes: number;
  /** The customer's notice after this many minutes of outage; null: off. */
  customerNoticeMinutes: number | null;
}

export interface DueNotification {
  kind: NotificationKind;
  level: number;
  seq: number;
  target: string;
}

const MINUTE = 60_000;
export const channelTarget = (id: number) => `channel:${id}`;
export const customerTarget = (id: number) => `customer:${id}`;
const isCustomer = (target: string) => target.startsWith("customer:");
const ALERTS: ReadonlySet<NotificationKind> = new Set(["opened", "escalated", "reminder"]);

/** Whether `n` is recorded (kind, seq and target: the table's unique key). */
function has(
  recorded: readonly Pick<RecordedNotification, "kind" | "seq" | "target">[],
  n: Pick<DueNotification, "kind" | "seq" | "target">,
) {
  return recorded.some((r) => r.kind === n.kind && r.seq === n.seq && r.target === n.target);
}

/** What is due for `incident` at `now`, not yet recorded. */
export function dueNotifications(input: {
  incident: IncidentState;
  customerId: number | null;
  policy: AlertPolicy;
  recorded: readonly RecordedNotification[];
  inMaintenance: boolean;
  now: Date;
}): DueNotification[] {
  const { incident, policy, recorded, now } = input;
  const due: DueNotification[] = [];
  const add = (n: DueNotification) => {
    if (!has(recorded, n) && !has(due, n)) due.push(n);
  };

  const alerted = recorded.filter((r) => ALERTS.has(r.kind) && !isCustomer(r.target));
  if (incident.resolvedAt) {
    for (const target of new Set(alerted.map((r) => r.target))) add({ kind: "resolved", level: 1, seq: 0, target });
    for (const r of recorded) {
      if (r.kind === "customer_notice") add({ kind: "customer_resolved", level: 0, seq: 0, target: r.target });
    }
    return due;
  }
  if (input.inMaintenance) return due;

  // Level 1 at once.
  for (const id of policy.onCall.get(1) ?? []) add({ kind: "opened", level: 1, seq: 0, target: channelTarget(id) });

  const firstAlert = alerted.reduce<Date | null>((min, r) => (!min || r.createdAt < min ? r.createdAt : min), null);
  // Nobody on call at level 1: the ladder counts from the opening.
  const ladderStart = firstAlert ?? ((policy.onCall.get(1) ?? []).length === 0 ? incident.openedAt : null);
  if (!incident.acknowledgedAt && ladderStart) {
    for (const [level, after] of policy.ladder) {
      if (level < 2) continue;
      if (now.getTime() - ladderStart.getTime() < after * MINUTE) continue;
      for (const id of policy.onCall.get(level) ?? []) {
        add({ kind: "escalated", level, seq: level, target: channelTarget(id) });
      }
    }
  }

  if (!incident.acknowledgedAt && policy.reminderMinutes > 0 && alerted.length > 0) {
    const latest = alerted.reduce((max, r) => (r.createdAt > max ? r.createdAt : max), alerted[0]!.createdAt);
    const sentThisRun = due.some((d) => ALERTS.has(d.kind));
    if (!sentThisRun && now.getTime() - latest.getTime() >= policy.reminderMinutes * MINUTE) {
      const seq = Math.max(0, ...alerted.filter((r) => r.kind === "reminder").map((r) => r.seq)) + 1;
      const levels = new Map<string, number>();
      for (const r of alerted) levels.set(r.target, Math.max(levels.get(r.target) ?? 0, r.level));
      for (const [target, level] of levels) add({ kind: "reminder", level, seq, target });
    }
  }

  if (
    input.customerId !== null &&
    policy.customerNoticeMinutes !== null &&
    now.getTime() - incident.openedAt.getTime() >= policy.customerNoticeMinutes * MINUTE
  ) {
    add({ kind: "customer_notice", level: 0, seq: 0, target: customerTarget(input.customerId) });
  }
  return due;
}
