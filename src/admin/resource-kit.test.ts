// The words of a refused form as the browser renders them: AdminJS hands a notice and each field's
// message to i18next (translateMessage), which must render them whatever text they hold.
import { describe, expect, it } from "@jest/globals";
import i18next from "i18next";
import { createFunctions, defaultConfig, flat } from "adminjs";
import { fieldErrors } from "./resource-kit.js";
import { en, fr } from "./locale.js";

/** AdminJS's translate functions over the portal's translations, set up as its front end does. */
async function translator(lang: "fr" | "en") {
  const i18n = i18next.createInstance();
  await i18n.init({ ...defaultConfig, initImmediate: false, lng: lang, fallbackLng: lang, resources: {} });
  i18n.addResourceBundle(lang, "translation", flat.flatten(lang === "fr" ? fr : en), true, true);
  return createFunctions(i18n);
}

describe("fieldErrors", () => {
  it("names one field in the notice, in the admin's language", async () => {
    const error = fieldErrors("ai_requests", { adminNotes: { message: "$t(messages.fieldRequired)" } });
    const { tm } = await translator("en");
    expect(tm(error.baseError!.message, "ai_requests")).toBe("Admin notes — Required");
    expect(tm(error.propertyErrors.adminNotes!.message, "ai_requests")).toBe("Required");
  });

  it("renders a message holding a colon in the notice and next to the field", async () => {
    const error = fieldErrors("ai_requests", {
      "generatedContent.pages.2.title": { message: "generatedContent.pages[2].title: $t(messages.fieldRequired)" },
    });
    for (const [lang, words] of [
      ["en", "Generated content — generatedContent.pages[2].title: Required"],
      ["fr", "Contenu généré — generatedContent.pages[2].title : Obligatoire"],
    ] as const) {
      const { tm } = await translator(lang);
      expect(tm(error.baseError!.message, "ai_requests")).toBe(words);
    }
    const { tm } = await translator("en");
    expect(tm(error.propertyErrors["generatedContent.pages.2.title"]!.message, "ai_requests")).toBe(
      "generatedContent.pages[2].title: Required",
    );
  });

  it("renders a plain text message with a colon and no translation key", async () => {
    const error = fieldErrors("ai_requests", { requestData: { message: "tone: Invalid option" } });
    const { tm } = await translator("en");
    expect(tm(error.baseError!.message, "ai_requests")).toBe("Request data — tone: Invalid option");
    expect(tm(error.propertyErrors.requestData!.message, "ai_requests")).toBe("tone: Invalid option");
  });

  it("lists several fields by their labels", async () => {
    const error = fieldErrors("ai_requests", {
      adminNotes: { message: "$t(messages.fieldRequired)" },
      priority: { message: "$t(messages.fieldInteger)" },
    });
    const { tm } = await translator("en");
    expect(tm(error.baseError!.message, "ai_requests")).toBe("Fields to correct: Admin notes, Priority");
  });
});
