import { canonicalJson, diffConfigs, keyPath } from "./config-diff.js";

const base = {
  template: "artisans",
  business: { name: "Plomberie Dupont", city: "Lyon", phone: "04 72 00 00 00" },
  pages: ["accueil", "prestations", "realisations", "devis", "contact"],
  seo: { title: "Plomberie Dupont – Lyon" },
  published: true,
};

describe("diffConfigs", () => {
  it("reports nothing between equal configs, whatever their key order", () => {
    const reordered = {
      published: true,
      seo: base.seo,
      pages: base.pages,
      business: base.business,
      template: "artisans",
    };
    expect(diffConfigs(base, reordered)).toEqual({ changes: [], counts: { changed: 0, added: 0, removed: 0 } });
  });

  it("names a changed key by its path, with the old and new values", () => {
    const after = { ...base, business: { ...base.business, city: "Villeurbanne" } };
    expect(diffConfigs(base, after).changes).toEqual([
      { path: "business.city", kind: "changed", before: "Lyon", after: "Villeurbanne" },
    ]);
  });

  it("reports added and removed keys, in alphabetical order", () => {
    const { published: _gone, ...rest } = base;
    const after = { ...rest, seo: { ...base.seo, description: "Dépannage" } };
    expect(diffConfigs(base, after)).toEqual({
      changes: [
        { path: "published", kind: "removed", before: true },
        { path: "seo.description", kind: "added", after: "Dépannage" },
      ],
      counts: { changed: 0, added: 1, removed: 1 },
    });
  });

  it("reports one removed element of an array, not every later slot as changed", () => {
    const after = { ...base, pages: ["accueil", "realisations", "devis", "contact"] };
    expect(diffConfigs(base, after).changes).toEqual([{ path: "pages[1]", kind: "removed", before: "prestations" }]);
  });

  it("reports an inserted element with its new index", () => {
    const after = { ...base, pages: ["accueil", "prestations", "avis", "realisations", "devis", "contact"] };
    expect(diffConfigs(base, after).changes).toEqual([{ path: "pages[2]", kind: "added", after: "avis" }]);
  });

  it("names a key inside an array element: pages[2].title", () => {
    const pages = [
      { title: "Accueil", blocks: 3 },
      { title: "Tarifs", blocks: 2 },
      { title: "Contact", blocks: 1 },
    ];
    const after = structuredClone(pages);
    after[2]!.title = "Nous joindre";
    expect(diffConfigs({ pages }, { pages: after }).changes).toEqual([
      { path: "pages[2].title", kind: "changed", before: "Contact", after: "Nous joindre" },
    ]);
  });

  it("matches elements by their id, so a moved and edited element is one change", () => {
    const before = {
      sections: [
        { id: "hero", text: "A" },
        { id: "team", text: "B" },
        { id: "map", text: "C" },
      ],
    };
    const after = {
      sections: [
        { id: "hero", text: "A" },
        { id: "map", text: "C2" },
        { id: "faq", text: "D" },
      ],
    };
    expect(diffConfigs(before, after).changes).toEqual([
      { path: "sections[1]", kind: "removed", before: { id: "team", text: "B" } },
      { path: "sections[1].text", kind: "changed", before: "C", after: "C2" },
      { path: "sections[2]", kind: "added", after: { id: "faq", text: "D" } },
    ]);
  });

  it("reports a change of type as one change of the whole value", () => {
    expect(diffConfigs({ pages: ["a"] }, { pages: { a: 1 } }).changes).toEqual([
      { path: "pages", kind: "changed", before: ["a"], after: { a: 1 } },
    ]);
    expect(diffConfigs({ n: 1 }, { n: "1" }).changes).toEqual([{ path: "n", kind: "changed", before: 1, after: "1" }]);
    expect(diffConfigs({ n: null }, { n: 0 }).changes).toEqual([
      { path: "n", kind: "changed", before: null, after: 0 },
    ]);
  });

  it("quotes keys that are not plain names", () => {
    expect(diffConfigs({ "mon titre": 1 }, { "mon titre": 2 }).changes[0]!.path).toBe('["mon titre"]');
    expect(keyPath("seo", "og:image")).toBe('seo["og:image"]');
    expect(keyPath("", "title")).toBe("title");
  });

  it("compares long arrays slot by slot rather than building a huge table", () => {
    const long = Array.from({ length: 1000 }, (_, i) => i);
    const edited = [...long];
    edited[500] = -1;
    expect(diffConfigs({ a: long }, { a: edited }).changes).toEqual([
      { path: "a[500]", kind: "changed", before: 500, after: -1 },
    ]);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":2,"y":1}]},"b":1}',
    );
  });
});
