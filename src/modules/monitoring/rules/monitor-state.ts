// A monitor's state after a check, as Gatus counts it: an incident opens after `failureThreshold`
// consecutive failures and resolves after `successThreshold` consecutive successes. A new monitor is
// pending until its first success (up) or until it fails often enough to be down.
import type { MonitorState } from "@prisma/client";

export interface MonitorCounters {
  state: MonitorState;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  failureThreshold: number;
  successThreshold: number;
}

/** What a check result does to the monitor's open incident. */
export type IncidentChange = "open" | "resolve" | null;

export interface NextState {
  state: MonitorState;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  incident: IncidentChange;
}

/** The monitor's counters and state after one check that was up (`isUp`) or not. */
export function nextMonitorState(current: MonitorCounters, isUp: boolean): NextState {
  if (isUp) {
    const successes = current.consecutiveSuccesses + 1;
    if (current.state === "down") {
      // Down stays down (its incident open) until enough successes in a row.
      const recovered = successes >= current.successThreshold;
      return {
        state: recovered ? "up" : "down",
        consecutiveFailures: 0,
        consecutiveSuccesses: successes,
        incident: recovered ? "resolve" : null,
      };
    }
    return { state: "up", consecutiveFailures: 0, consecutiveSuccesses: successes, incident: null };
  }
  const failures = current.consecutiveFailures + 1;
  if (current.state !== "down" && failures >= current.failureThreshold) {
    return { state: "down", consecutiveFailures: failures, consecutiveSuccesses: 0, incident: "open" };
  }
  // A failure below the threshold leaves an up (or pending) monitor as it was.
  return { state: current.state, consecutiveFailures: failures, consecutiveSuccesses: 0, incident: null };
}
