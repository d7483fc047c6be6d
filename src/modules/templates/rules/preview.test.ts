import { renderTemplatePreview, sampleBusinessFor } from "./preview.js";

describe("template preview", () => {
  const business = sampleBusinessFor("artisans");

  it("renders the sections in order with the sample business and the palette", () => {
    const html = renderTemplatePreview(
      {
        palette: { primary: "#1F4E79" },
        fonts: { heading: "Montserrat" },
        sections: ["hero", "avant_apres", "contact"],
      },
      business,
    );
    const order = ["hero", "avant_apres", "contact"].map((s) => html.indexOf(`data-section="${s}"`));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(html).toContain("<h1>Dupont Rénovation</h1>");
    expect(html).toContain("<h2>Avant apres</h2>");
    expect(html).toContain("background:#1F4E79");
    expect(html).toContain('"Montserrat", sans-serif');
  });

  it("escapes the sample and the configuration, and ignores colours and fonts that are not one", () => {
    const html = renderTemplatePreview(
      { palette: { primary: "red;}</style><script>x()</script>" }, fonts: { body: "a</style>" }, sections: ["hero"] },
      { ...business, name: "<img src=x onerror=alert(1)>" },
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("background:#333333");
  });

  it("falls back to the default sample for a category it does not know", () => {
    expect(sampleBusinessFor("unknown").name).toBe("Atelier Martin");
  });
});
