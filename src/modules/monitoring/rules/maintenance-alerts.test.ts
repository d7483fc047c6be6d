// The alerts' questions to the one maintenance rule (maintenance.ts): is the site in
// maintenance at this instant?
import { isInMaintenance, type MaintenanceWindowLike } from "./maintenance.js";

const inMaintenanceAt = (windows: MaintenanceWindowLike[], siteId: number, at: Date) =>
  isInMaintenance(windows, siteId, at.getTime());

const weekly = (over: Partial<MaintenanceWindowLike> = {}): MaintenanceWindowLike => ({
  siteId: null,
  kind: "weekly",
  startsAt: null,
  endsAt: null,
  weekday: 0,
  startMinute: 180,
  durationMinutes: 60,
  timeZone: "Europe/Paris",
  ...over,
});

describe("in maintenance at an instant", () => {
  it("covers a weekly window from its start, for its duration, in its time zone", () => {
    const w = [weekly()];
    expect(inMaintenanceAt(w, 1, new Date("2026-12-06T01:59:00Z"))).toBe(false);
    expect(inMaintenanceAt(w, 1, new Date("2026-12-06T02:00:00Z"))).toBe(true);
    expect(inMaintenanceAt(w, 1, new Date("2026-12-06T02:59:00Z"))).toBe(true);
    expect(inMaintenanceAt(w, 1, new Date("2026-12-06T03:00:00Z"))).toBe(false);
    // Summer time: 03:00 in Paris is 01:00 UTC.
    expect(inMaintenanceAt(w, 1, new Date("2026-07-05T01:30:00Z"))).toBe(true);
  });

  it("covers a weekly window that runs past midnight at the end of the week", () => {
    const w = [weekly({ weekday: 6, startMinute: 23 * 60, durationMinutes: 120, timeZone: "UTC" })];
    expect(inMaintenanceAt(w, 1, new Date("2026-12-05T23:30:00Z"))).toBe(true); // Saturday
    expect(inMaintenanceAt(w, 1, new Date("2026-12-06T00:59:00Z"))).toBe(true); // Sunday
    expect(inMaintenanceAt(w, 1, new Date("2026-12-06T01:00:00Z"))).toBe(false);
  });

  it("covers a one-off window from its start to its end, excluded", () => {
    const w: MaintenanceWindowLike[] = [
      weekly({ kind: "one_off", startsAt: new Date("2026-12-01T10:00Z"), endsAt: new Date("2026-12-01T11:00Z") }),
    ];
    expect(inMaintenanceAt(w, 1, new Date("2026-12-01T10:00Z"))).toBe(true);
    expect(inMaintenanceAt(w, 1, new Date("2026-12-01T11:00Z"))).toBe(false);
  });

  it("covers only its site, or every site when it names none", () => {
    const t = new Date("2026-12-06T02:30:00Z");
    expect(inMaintenanceAt([weekly({ siteId: 7 })], 7, t)).toBe(true);
    expect(inMaintenanceAt([weekly({ siteId: 7 })], 8, t)).toBe(false);
    expect(inMaintenanceAt([weekly({ siteId: null })], 8, t)).toBe(true);
  });
});
