// A readable difference between two site configurations (JSON documents): every key that changed, was
// added or was removed, named by its path as a reader writes it (`seo.title`, `pages[2].title`), with
// its old and new values. Keys come in alphabetical order at each level.
//
// Arrays are aligned, not compared slot by slot: removing the second of five pages reports that page
// removed, not four pages changed. Elements are matched by their identity (an object's `id`, `slug` or
// `key`) or, without one, by their whole value, along the longest common subsequence; what lies
// between two matches is paired up in order (and compared key by key) when the elements have no
// identity, else reported removed and added. Indexes are the old document's for a removal and the new
// one's otherwise.

export type ChangeKind = "changed" | "added" | "removed";

export interface ConfigChange {
  path: string;
  kind: ChangeKind;
  /** The value in the older document (absent when added). */
  before?: unknown;
  /** The value in the newer document (absent when removed). */
  after?: unknown;
}

export interface ConfigDiff {
  changes: ConfigChange[];
  counts: Record<ChangeKind, number>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const IDENTITY_KEYS = ["id", "slug", "key"] as const;
/** Beyond this many cells the alignment table costs too much: arrays are then compared slot by slot. */
const MAX_ALIGN_CELLS = 250_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON with its keys sorted: equal documents give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** `a.b`, or `a["odd key"]` where the key is not a plain name. */
export function keyPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

const indexPath = (parent: string, index: number) => `${parent}[${index}]`;

/** The identity of an array element: an object's id, slug or key (a string or number), else null. */
function identityOf(value: unknown): string | null {
  if (!isObject(value)) return null;
  for (const k of IDENTITY_KEYS) {
    const v = value[k];
    if (typeof v === "string" || typeof v === "number") return `${k}:${String(v)}`;
  }
  return null;
}

function add(out: ConfigChange[], change: ConfigChange): void {
  out.push(change);
}

function diffValues(before: unknown, after: unknown, path: string, out: ConfigChange[]): void {
  if (isObject(before) && isObject(after)) {
    // Keys in alphabetical order: PostgreSQL's jsonb keeps its own, so the stored order means nothing.
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const p = keyPath(path, key);
      if (!(key in after)) add(out, { path: p, kind: "removed", before: before[key] });
      else if (!(key in before)) add(out, { path: p, kind: "added", after: after[key] });
      else diffValues(before[key], after[key], p, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(before, after, path, out);
    return;
  }
  if (canonicalJson(before) !== canonicalJson(after))
    add(out, { path: path || "(root)", kind: "changed", before, after });
}

/** Pairs of indexes (old, new) of the longest common subsequence of two lists of match keys. */
function commonSubsequence(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the LCS length of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] =
        a[i] === b[j] ? lengths[at(i + 1, j + 1)]! + 1 : Math.max(lengths[at(i + 1, j)]!, lengths[at(i, j + 1)]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
    } else if (lengths[at(i + 1, j)]! >= lengths[at(i, j + 1)]!) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

function diffArrays(before: unknown[], after: unknown[], path: string, out: ConfigChange[]): void {
  if (before.length * after.length > MAX_ALIGN_CELLS) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) diffValues(before[i], after[i], indexPath(path, i), out);
    for (let i = common; i < before.length; i++) add(out, { path: indexPath(path, i), kind: "removed", before: before[i] }); // prettier-ignore
    for (let i = common; i < after.length; i++) add(out, { path: indexPath(path, i), kind: "added", after: after[i] });
    return;
  }
  const matchKey = (v: unknown) => identityOf(v) ?? `=${canonicalJson(v)}`;
  const anchors = commonSubsequence(before.map(matchKey), after.map(matchKey));
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [before.length, after.length] as [number, number]]) {
    gap(before, after, i, ai, j, bj, path, out);
    if (ai < before.length && bj < after.length) diffValues(before[ai], after[bj], indexPath(path, bj), out);
    i = ai + 1;
    j = bj + 1;
  }
}

/** The unmatched elements between two anchors: old [i0, i1) and new [j0, j1). */
function gap(
  before: unknown[],
  after: unknown[],
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  path: string,
  out: ConfigChange[],
): void {
  const plain = (list: unknown[], from: number, to: number) =>
    range(from, to).filter((k) => identityOf(list[k]) === null);
  // Elements without an identity are taken for the same slots edited, in order; the others are other items.
  const oldPlain = plain(before, i0, i1);
  const newPlain = plain(after, j0, j1);
  const paired = Math.min(oldPlain.length, newPlain.length);
  const pairedOld = new Set(oldPlain.slice(0, paired));
  const pairedNew = new Set(newPlain.slice(0, paired));
  for (const i of range(i0, i1)) {
    if (!pairedOld.has(i)) add(out, { path: indexPath(path, i), kind: "removed", before: before[i] });
  }
  for (let k = 0; k < paired; k++)
    diffValues(before[oldPlain[k]!], after[newPlain[k]!], indexPath(path, newPlain[k]!), out);
  for (const j of range(j0, j1)) {
    if (!pairedNew.has(j)) add(out, { path: indexPath(path, j), kind: "added", after: after[j] });
  }
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** What changed from `before` (an older version's config) to `after`. */
export function diffConfigs(before: unknown, after: unknown): ConfigDiff {
  const changes: ConfigChange[] = [];
  diffValues(before as Json, after as Json, "", changes);
  const counts: Record<ChangeKind, number> = { changed: 0, added: 0, removed: 0 };
  for (const c of changes) counts[c.kind]++;
  return { changes, counts };
}
