// Per-recipient retries: an SMTP error leaves the send pending with its next attempt later (30 s by
// default, doubling, at most an hour apart); after MAX_ATTEMPTS it fails for good.
export const MAX_ATTEMPTS = 8;

export function nextAttemptAt(now: Date, attempts: number, baseMs = 30_000): Date {
  const delay = Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay);
}

/** How long one batch of `size` messages takes at `rate` messages a second, in ms. */
export function batchDurationMs(size: number, rate: number): number {
  return Math.ceil((size * 1000) / Math.max(1, rate));
}
