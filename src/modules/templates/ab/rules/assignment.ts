// Which variant a visitor of a test sees: a hash of the test and the visitor, so the same visitor always
// gets the same variant, the split holds over many visitors, and tests are independent (changing one
// test's split moves no visitor of another).
import { createHash } from "node:crypto";

export type Variant = "A" | "B";

/** The visitor's point in [0, 1), uniform over visitors, fixed for a (test, visitor) pair. */
export function bucketOf(testId: number, visitorId: string): number {
  const digest = createHash("sha256").update(`${testId}:${visitorId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** `trafficSplit`: the percentage (0..100) of visitors sent to B. */
export function assignVariant(testId: number, visitorId: string, trafficSplit: number): Variant {
  return bucketOf(testId, visitorId) < trafficSplit / 100 ? "B" : "A";
}
