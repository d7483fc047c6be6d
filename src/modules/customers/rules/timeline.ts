// Merging the modules' timelines of one customer (the 360 page): newest first, ties kept in the order
// of the module list, at most `limit` events.
import type { CustomerTimelineEvent } from "../../../module.js";

export function mergeTimelines(lists: readonly CustomerTimelineEvent[][], limit: number): CustomerTimelineEvent[] {
  const all = lists.flatMap((events, source) => events.map((event, index) => ({ event, source, index })));
  all.sort((a, b) => {
    const byTime = Date.parse(b.event.at) - Date.parse(a.event.at);
    return byTime !== 0 ? byTime : a.source - b.source || a.index - b.index;
  });
  return all.slice(0, limit).map((entry) => entry.event);
}
