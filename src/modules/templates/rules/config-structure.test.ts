import { checkTemplateStructure } from "./config-structure.js";

describe("template config structure", () => {
  it("accepts a configuration as the site builder reads it", () => {
    expect(
      checkTemplateStructure({
        layout: "vitrine",
        palette: { primary: "#1F4E79", background: "#FFFFFF" },
        fonts: { heading: "Montserrat", body: "Open Sans" },
        sections: ["hero", "prestations", "contact"],
        features: ["formulaire_devis"],
        responsive: true,
      }),
    ).toEqual([]);
  });

  it("names each fault by its path", () => {
    expect(
      checkTemplateStructure({
        palette: { primary: "blue" },
        fonts: { heading: "", size: 12 },
        sections: ["hero", "Contact", "hero"],
        responsive: "yes",
      }),
    ).toEqual([
      { path: "sections[1]", message: "Use lower-case letters, digits, - and _ (starting with a letter)" },
      { path: "sections[2]", message: '"hero" is listed twice' },
      { path: "palette.primary", message: "A colour as #RRGGBB" },
      { path: "fonts.heading", message: "A font name" },
      { path: "fonts", message: "Unknown key(s): size" },
      { path: "responsive", message: expect.stringMatching(/boolean/) },
    ]);
  });

  it("requires the sections, and an object at the root", () => {
    expect(checkTemplateStructure({})).toEqual([{ path: "sections", message: "Required" }]);
    expect(checkTemplateStructure({ sections: [] })).toEqual([{ path: "sections", message: "At least one section" }]);
    expect(checkTemplateStructure([1])).toEqual([{ path: "(root)", message: expect.any(String) }]);
  });
});
