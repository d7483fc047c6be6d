import { describe, expect, it } from "@jest/globals";
import { columnErrors, columnFormData } from "./json-fields.js";
import { REQUEST_TYPES, checkColumn } from "./schemas.js";

const page = (title: string) => ({ slug: "accueil", title, sections: [{ heading: "Bienvenue", body: "Texte." }] });

describe("AI request JSON columns", () => {
  it("describes a form and a template for every request type of both columns", () => {
    for (const column of ["requestData", "generatedContent"] as const) {
      const { forms, templates } = columnFormData(column);
      expect(Object.keys(forms).sort()).toEqual([...REQUEST_TYPES].sort());
      for (const type of REQUEST_TYPES) {
        expect(forms[type].kind).toBe("object");
        expect(templates[type]).toEqual(expect.any(Object));
      }
    }
    const { forms } = columnFormData("generatedContent");
    expect(forms.content).toMatchObject({
      fields: [{ key: "pages", required: true, node: { kind: "list", min: 1, max: 10, item: { kind: "object" } } }],
    });
  });

  it("names a refused value by its path, in the admin's words", () => {
    const value = { pages: [page("Accueil"), page("Services"), page("")] };
    expect(columnErrors("generatedContent", "content", value)).toEqual({
      "generatedContent.pages.2.title": { message: "generatedContent.pages[2].title: $t(messages.fieldRequired)" },
    });
  });

  it("words each kind of refusal", () => {
    expect(columnErrors("requestData", "services", { servicesWanted: 30, tone: "froid", extra: 1 })).toEqual({
      requestData: { message: "requestData: $t(messages.jsonFieldUnknown) extra" },
      "requestData.servicesWanted": { message: "requestData.servicesWanted: $t(messages.jsonFieldMax) 20" },
      "requestData.tone": { message: "requestData.tone: $t(messages.fieldInvalidChoice)" },
    });
    expect(columnErrors("requestData", "services", { existingServices: ["x"] })).toEqual({
      "requestData.servicesWanted": { message: "requestData.servicesWanted: $t(messages.fieldRequired)" },
    });
    expect(columnErrors("requestData", "services", { servicesWanted: "3" })).toEqual({
      "requestData.servicesWanted": { message: "requestData.servicesWanted: $t(messages.jsonFieldWrongType)" },
    });
    expect(columnErrors("requestData", "images", { subjects: [] })).toEqual({
      "requestData.subjects": { message: "requestData.subjects: $t(messages.jsonFieldMinItems) 1" },
    });
    expect(columnErrors("generatedContent", "content", { pages: [{ ...page("Accueil"), slug: "Bad Slug" }] })).toEqual({
      "generatedContent.pages.0.slug": { message: "generatedContent.pages[0].slug: $t(messages.fieldInvalidFormat)" },
    });
    expect(columnErrors("requestData", "full_site", { businessName: "x".repeat(121), pages: ["accueil"] })).toEqual({
      "requestData.businessName": { message: "requestData.businessName: $t(messages.jsonFieldMaxLength) 120" },
    });
  });

  it("passes what the schema passes, as the intake and completion check do", () => {
    const value = { pages: [page("Accueil")] };
    expect(columnErrors("generatedContent", "content", value)).toBeNull();
    expect(checkColumn("generatedContent", "content", value).success).toBe(true);
    expect(columnErrors("requestData", "services", { servicesWanted: 3 })).toBeNull();
    // Each type's template is what an admin starts from, not yet a valid value where text is required.
    expect(columnErrors("generatedContent", "services", columnFormData("generatedContent").templates.services)).toEqual(
      {
        "generatedContent.services.0.name": {
          message: "generatedContent.services[0].name: $t(messages.fieldRequired)",
        },
        "generatedContent.services.0.description": {
          message: "generatedContent.services[0].description: $t(messages.fieldRequired)",
        },
      },
    );
  });
});
