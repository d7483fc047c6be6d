// A readable diff between two versions' configurations: every leaf that was added, removed or changed,
// named by its path (palette.primary, sections[2]), so a reviewer sees what an activation changes.

export type ChangeKind = "added" | "removed" | "changed";

export interface ConfigChange {
  /** Dotted path with array indexes: `fonts.heading`, `sections[3]`; "" for the whole value. */
  path: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const keyPath = (base: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;

function walk(before: unknown, after: unknown, path: string, out: ConfigChange[]): void {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const p = keyPath(path, key);
      if (!(key in after)) out.push({ path: p, kind: "removed", before: before[key] });
      else if (!(key in before)) out.push({ path: p, kind: "added", after: after[key] });
      else walk(before[key], after[key], p, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      const p = `${path}[${i}]`;
      if (i >= after.length) out.push({ path: p, kind: "removed", before: before[i] });
      else if (i >= before.length) out.push({ path: p, kind: "added", after: after[i] });
      else walk(before[i], after[i], p, out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, kind: "changed", before, after });
}

/** The changes from `before` to `after`, in path order (object keys sorted, array items by index). */
export function diffConfigs(before: unknown, after: unknown): ConfigChange[] {
  const out: ConfigChange[] = [];
  walk(before, after, "", out);
  return out;
}
