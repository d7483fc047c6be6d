// The "Segments" page (components/campaigns/SegmentsPage.tsx): the builder's live preview of criteria
// being typed (count and newest customers), and every saved segment with how many customers it
// matches now. campaigns.view.
import type { Deps } from "../../../deps.js";
import { can } from "../../auth/index.js";
import { currentContext } from "../../../lib/request-context.js";
import { parseSegmentCriteria, type CriteriaProblem, type SegmentCriteria } from "./rules/criteria.js";
import { countSegment, previewSegment, type SegmentSampleRow } from "./query.js";
import { listSegments } from "./saved.js";

export interface SegmentsPageData {
  saved: { id: number; name: string; description: string | null; criteria: SegmentCriteria; count: number }[];
  preview: { count: number; sample: SegmentSampleRow[] } | null;
  problems: CriteriaProblem[];
}

export async function segmentsPage(
  deps: Pick<Deps, "pool" | "prisma">,
  query: Record<string, unknown>,
): Promise<SegmentsPageData | { error: string }> {
  const admin = currentContext()?.admin ?? null;
  if (!admin || !can(admin, "campaigns", "view")) return { error: "campaignsForbidden" };
  const now = new Date();
  let preview: SegmentsPageData["preview"] = null;
  let problems: CriteriaProblem[] = [];
  if (typeof query.criteria === "string" && query.criteria.length <= 10_000) {
    let input: unknown;
    try {
      input = JSON.parse(query.criteria);
    } catch {
      input = null;
    }
    const parsed = parseSegmentCriteria(input);
    if (parsed.ok) preview = await previewSegment(deps, parsed.criteria, { now, limit: 10 });
    else problems = parsed.problems;
  }
  const segments = await listSegments(deps);
  const saved = [];
  for (const s of segments) saved.push({ ...s, count: await countSegment(deps, s.criteria, { now }) });
  return { saved, preview, problems };
}
