// What the admin lists remember of their row counts (src/admin/prisma-resource.ts), kept here so that
// any write path that deletes rows can forget it without depending on AdminJS.

export interface KnownSet {
  estimate: number;
  estimatedUntil: number;
  /** Until when the set is known to hold more than exactCountLimit rows (0: not known). */
  provenUntil: number;
}

/** "table:limit:WHERE" -> what is known of that set. */
export const knownSets = new Map<string, KnownSet>();
export const KNOWN_SET_ENTRIES = 1_000;

/** Forgets every remembered estimate and proof (after a deletion; tests). */
export function forgetCounts(): void {
  knownSets.clear();
}
