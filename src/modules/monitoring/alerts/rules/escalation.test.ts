import { dueNotifications, type AlertPolicy, type RecordedNotification } from "./escalation.js";

const T0 = new Date("2026-12-01T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const policy: AlertPolicy = {
  onCall: new Map([
    [1, [1, 2]],
    [2, [3]],
  ]),
  ladder: new Map([[2, 15]]),
  reminderMinutes: 30,
  customerNoticeMinutes: null,
};

const open = { openedAt: T0, acknowledgedAt: null, resolvedAt: null };

function run(over: Partial<Parameters<typeof dueNotifications>[0]> = {}) {
  return dueNotifications({
    incident: open,
    customerId: null,
    policy,
    recorded: [],
    inMaintenance: false,
    now: T0,
    ...over,
  });
}

/** What a run at `now` would record, as the job records it. */
function record(due: ReturnType<typeof dueNotifications>, now: Date): RecordedNotification[] {
  return due.map((d) => ({ ...d, createdAt: now }));
}

describe("incident escalation", () => {
  it("alerts level 1 at once, and only level 1", () => {
    expect(run()).toEqual([
      { kind: "opened", level: 1, seq: 0, target: "channel:1" },
      { kind: "opened", level: 1, seq: 0, target: "channel:2" },
    ]);
  });

  it("sends nothing twice: a second run of the same minute finds everything recorded", () => {
    const first = record(run(), T0);
    expect(run({ recorded: first, now: at(0.5) })).toEqual([]);
  });

  it("escalates to level 2 after the delay when nobody acknowledged", () => {
    const recorded = record(run(), T0);
    expect(run({ recorded, now: at(14) })).toEqual([]);
    expect(run({ recorded, now: at(15) })).toEqual([{ kind: "escalated", level: 2, seq: 2, target: "channel:3" }]);
  });

  it("does not escalate an acknowledged incident", () => {
    const recorded = record(run(), T0);
    expect(run({ incident: { ...open, acknowledgedAt: at(5) }, recorded, now: at(60) })).toEqual([]);
  });

  it("counts the ladder from the first alert, so an outage outlasting maintenance alerts level 1 first", () => {
    expect(run({ inMaintenance: true, now: at(40) })).toEqual([]);
    const after = run({ now: at(45) });
    expect(after.map((d) => d.kind)).toEqual(["opened", "opened"]);
    const recorded = record(after, at(45));
    expect(run({ recorded, now: at(59) })).toEqual([]);
    expect(run({ recorded, now: at(60) })).toHaveLength(1);
  });

  it("reminds every alerted channel no sooner than the minimum interval after the latest alert", () => {
    let recorded = record(run(), T0);
    recorded = [...recorded, ...record(run({ recorded, now: at(15) }), at(15))];
    expect(run({ recorded, now: at(44) })).toEqual([]);
    const first = run({ recorded, now: at(45) });
    expect(first).toEqual([
      { kind: "reminder", level: 1, seq: 1, target: "channel:1" },
      { kind: "reminder", level: 1, seq: 1, target: "channel:2" },
      { kind: "reminder", level: 2, seq: 1, target: "channel:3" },
    ]);
    recorded = [...recorded, ...record(first, at(45))];
    expect(run({ recorded, now: at(74) })).toEqual([]);
    expect(run({ recorded, now: at(75) }).map((d) => d.seq)).toEqual([2, 2, 2]);
  });

  it("sends no reminders when the interval is 0 or the incident is acknowledged", () => {
    const recorded = record(run(), T0);
    expect(run({ recorded, now: at(600), policy: { ...policy, reminderMinutes: 0, ladder: new Map() } })).toEqual([]);
    expect(run({ recorded, now: at(600), incident: { ...open, acknowledgedAt: at(1) } })).toEqual([]);
  });

  it("sends one resolved message to every channel alerted, and nothing else", () => {
    let recorded = record(run(), T0);
    recorded = [...recorded, ...record(run({ recorded, now: at(15) }), at(15))];
    const resolved = { ...open, resolvedAt: at(20) };
    const due = run({ incident: resolved, recorded, now: at(21) });
    expect(due).toEqual([
      { kind: "resolved", level: 1, seq: 0, target: "channel:1" },
      { kind: "resolved", level: 1, seq: 0, target: "channel:2" },
      { kind: "resolved", level: 1, seq: 0, target: "channel:3" },
    ]);
    recorded = [...recorded, ...record(due, at(21))];
    expect(run({ incident: resolved, recorded, now: at(22) })).toEqual([]);
  });

  it("sends nothing for an incident that opened and resolved in maintenance", () => {
    expect(run({ inMaintenance: true, now: at(1) })).toEqual([]);
    expect(run({ incident: { ...open, resolvedAt: at(5) }, inMaintenance: true, now: at(6) })).toEqual([]);
  });

  it("tells the customer once after the outage lasts the notice delay, and when it is over", () => {
    const withNotice = { ...policy, ladder: new Map(), reminderMinutes: 0, customerNoticeMinutes: 30 };
    let recorded = record(run({ policy: withNotice, customerId: 9 }), T0);
    expect(run({ policy: withNotice, customerId: 9, recorded, now: at(29) })).toEqual([]);
    const notice = run({ policy: withNotice, customerId: 9, recorded, now: at(30) });
    expect(notice).toEqual([{ kind: "customer_notice", level: 0, seq: 0, target: "customer:9" }]);
    recorded = [...recorded, ...record(notice, at(30))];
    const over = run({
      policy: withNotice,
      customerId: 9,
      recorded,
      incident: { ...open, resolvedAt: at(40) },
      now: at(41),
    });
    expect(over.filter((d) => d.target === "customer:9")).toEqual([
      { kind: "customer_resolved", level: 0, seq: 0, target: "customer:9" },
    ]);
  });
});
