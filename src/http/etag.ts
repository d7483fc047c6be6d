// Entity tags of REST records and the If-Match check of a change (RFC 9110 13.1.1): a PATCH that names
// the version it read is refused with 412 when the record changed since; without If-Match it proceeds.
import { createHash } from "node:crypto";
import type { Response } from "express";

/** The strong tag of a record's JSON representation (the same bytes, the same tag). */
export function etagOf(representation: unknown): string {
  const hash = createHash("sha256").update(JSON.stringify(representation)).digest("base64url").slice(0, 27);
  return `"${hash}"`;
}

/**
 * Whether an If-Match header lets a change of the record tagged `current` go ahead: absent, `*`, or a
 * list holding that tag (a weak W/ prefix is read as the same tag: our tags name exact bytes).
 */
export function ifMatchAllows(header: string | undefined, current: string): boolean {
  if (header === undefined || header.trim() === "") return true;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === current);
}

/** The 412 problem+json of a stale If-Match. */
export function sendPreconditionFailed(res: Response, current: string): void {
  res
    .status(412)
    .set("ETag", current)
    .type("application/problem+json")
    .send(
      JSON.stringify({
        type: "https://locod-ai.dev/problems/precondition_failed",
        title: "Precondition failed",
        status: 412,
        detail: "The record changed since the version named in If-Match; read it again and retry",
        errors: [{ field: "If-Match", message: "does not match the record's current ETag" }],
      }),
    );
}
