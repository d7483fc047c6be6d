import { aiRequestLine } from "./line-words.js";

describe("the invoice lines of AI requests", () => {
  it("should be written in the customer's language, with the type in words", () => {
    expect(aiRequestLine("fr", 12, "content", false)).toBe("Contenu des pages (demande n° 12)");
    expect(aiRequestLine("fr", 12, "full_site", true)).toBe("Crédit inclus : Site complet (demande n° 12)");
    expect(aiRequestLine("en", 7, "services", false)).toBe("Service descriptions (request #7)");
    expect(aiRequestLine("en", 7, "content", true)).toBe("Included credit: Page content (request #7)");
  });
});
