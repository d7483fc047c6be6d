// The builder's live preview (campaigns.view): how many customers criteria match and a sample of them,
// for criteria being typed or for a saved segment.
import type { Deps } from "../../../deps.js";
import { requirePermission } from "../../auth/index.js";
import { previewSegment, type SegmentSampleRow } from "./query.js";
import { checkedCriteria, loadSegment } from "./saved.js";

export interface SegmentPreview {
  count: number;
  sample: SegmentSampleRow[];
}

/** Criteria not saved yet: a 400 names the faulty criterion (`criteria.<path>`). */
export async function previewCriteria(
  deps: Pick<Deps, "pool">,
  criteria: unknown,
  limit?: number,
): Promise<SegmentPreview> {
  requirePermission("campaigns", "view");
  return previewSegment(deps, checkedCriteria(criteria), { limit });
}

/** A saved segment, as it stands now. */
export async function previewSavedSegment(
  deps: Pick<Deps, "pool" | "prisma">,
  id: number,
  limit?: number,
): Promise<SegmentPreview & { id: number; name: string }> {
  requirePermission("campaigns", "view");
  const segment = await loadSegment(deps, id);
  return { id: segment.id, name: segment.name, ...(await previewSegment(deps, segment.criteria, { limit })) };
}
