// Small text helpers for the demo data.

/** "Boulangerie Lefèvre" -> "boulangerie-lefevre" */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Fills {placeholders} of a pattern. */
export function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Returns `base`, or `base-2`, `base-3`... : the first one not yet in `taken` (which it then joins). */
export function uniqueIn(taken: Set<string>, base: string, join = (b: string, n: number) => `${b}-${n}`): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = join(base, n);
  taken.add(candidate);
  return candidate;
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
