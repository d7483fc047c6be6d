import type { LocaleTranslations } from "adminjs";

type Tree = { [key: string]: string | Tree };

/** Deep merge of translation trees; later trees win on the same key. */
export function mergeTranslations(...trees: LocaleTranslations[]): LocaleTranslations {
  const merge = (a: Tree, b: Tree): Tree => {
    const out: Tree = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const prev = out[k];
      out[k] = typeof v === "object" && typeof prev === "object" ? merge(prev, v) : v;
    }
    return out;
  };
  return trees.reduce<Tree>((acc, t) => merge(acc, t as Tree), {}) as LocaleTranslations;
}
