// Round-robin auto-assignment: the agents in id order, each new ticket to the one after the agent who
// got the previous one.

/**
 * The next agent after `previous` among `agents` (ids), skipping `exclude` (the assignee a ticket is
 * taken from); null when nobody is left.
 */
export function nextAgent(
  agents: readonly number[],
  previous: number | null,
  exclude: number | null = null,
): number | null {
  const pool = [...new Set(agents)].filter((id) => id !== exclude).sort((a, b) => a - b);
  if (pool.length === 0) return null;
  if (previous === null) return pool[0]!;
  return pool.find((id) => id > previous) ?? pool[0]!;
}
