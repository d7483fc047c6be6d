import { healthGrade, healthScore, paymentPoints, ticketPoints, uptimePoints, usagePoints } from "./health.js";

describe("customer health score", () => {
  it("gives 100 to an active customer who pays, has no ticket and whose sites stay up", () => {
    expect(healthScore({ aiRequests30d: 4, liveSites: 2, overdueInvoices: 0, openTickets: 0, uptime: 0.999 })).toEqual({
      score: 100,
      grade: "healthy",
      parts: { usage: 30, payments: 30, tickets: 20, uptime: 20 },
    });
  });

  it("equals the hand-computed score of an at-risk fixture", () => {
    // usage 15 (a live site, no AI request) + payments 10 (one overdue) + tickets 10 (two open) + uptime 10 (98.5 %)
    expect(healthScore({ aiRequests30d: 0, liveSites: 1, overdueInvoices: 1, openTickets: 2, uptime: 0.985 })).toEqual({
      score: 45,
      grade: "at_risk",
      parts: { usage: 15, payments: 10, tickets: 10, uptime: 10 },
    });
  });

  it("equals the hand-computed score of a critical fixture", () => {
    expect(healthScore({ aiRequests30d: 0, liveSites: 0, overdueInvoices: 3, openTickets: 5, uptime: 0.9 })).toEqual({
      score: 0,
      grade: "critical",
      parts: { usage: 0, payments: 0, tickets: 0, uptime: 0 },
    });
  });

  it("scores usage by its two signals", () => {
    expect([usagePoints(0, 0), usagePoints(1, 0), usagePoints(0, 1), usagePoints(9, 3)]).toEqual([0, 15, 15, 30]);
  });

  it("scores payments, tickets and uptime at their thresholds", () => {
    expect([paymentPoints(0), paymentPoints(1), paymentPoints(2)]).toEqual([30, 10, 0]);
    expect([ticketPoints(0), ticketPoints(1), ticketPoints(2), ticketPoints(3)]).toEqual([20, 10, 10, 0]);
    expect([
      uptimePoints(null),
      uptimePoints(0.995),
      uptimePoints(0.9949),
      uptimePoints(0.98),
      uptimePoints(0.979),
    ]).toEqual([20, 20, 10, 10, 0]);
  });

  it("grades at 70 and 40", () => {
    expect([healthGrade(100), healthGrade(70), healthGrade(69), healthGrade(40), healthGrade(39)]).toEqual([
      "healthy",
      "healthy",
      "at_risk",
      "at_risk",
      "critical",
    ]);
  });
});
