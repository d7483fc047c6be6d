import { diffConfigs } from "./config-diff.js";

describe("template config diff", () => {
  it("names each changed, added and removed path", () => {
    const before = {
      layout: "une-page",
      palette: { primary: "#1F4E79", secondary: "#F2A900" },
      sections: ["hero", "prestations", "contact"],
      responsive: true,
    };
    const after = {
      layout: "une-page",
      palette: { primary: "#0B3D91", secondary: "#F2A900", background: "#FFFFFF" },
      sections: ["hero", "avis", "contact", "devis"],
      fonts: { heading: "Montserrat" },
    };
    expect(diffConfigs(before, after)).toEqual([
      { path: "fonts", kind: "added", after: { heading: "Montserrat" } },
      { path: "palette.background", kind: "added", after: "#FFFFFF" },
      { path: "palette.primary", kind: "changed", before: "#1F4E79", after: "#0B3D91" },
      { path: "responsive", kind: "removed", before: true },
      { path: "sections[1]", kind: "changed", before: "prestations", after: "avis" },
      { path: "sections[3]", kind: "added", after: "devis" },
    ]);
  });

  it("finds nothing between equal configurations", () => {
    const config = { sections: ["hero"], palette: { primary: "#000000" } };
    expect(diffConfigs(config, structuredClone(config))).toEqual([]);
  });

  it("reports a change of type at the path where it happens", () => {
    expect(diffConfigs({ features: ["a"] }, { features: "a" })).toEqual([
      { path: "features", kind: "changed", before: ["a"], after: "a" },
    ]);
    expect(diffConfigs({ "mise en page": 1 }, { "mise en page": 2 })).toEqual([
      { path: '["mise en page"]', kind: "changed", before: 1, after: 2 },
    ]);
  });
});
