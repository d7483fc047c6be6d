import { leakChecker, languageWords, words } from "./vocabulary.js";

const vocabulary = {
  enumValues: ["pending", "plan_changed", "site", "active"],
  fieldNames: ["adminNotes", "admin_notes", "reason", "status"],
};

describe("untranslated words", () => {
  it("reads snake_case and camelCase names as one word", () => {
    expect(words("Plan: plan_changed, adminNotes!")).toEqual(["plan", "plan_changed", "adminnotes"]);
  });

  it("finds raw enum values, booleans and field names on a French page", () => {
    const fr = leakChecker(vocabulary, languageWords({ labels: { a: "En attente", b: "Site", c: "Oui", d: "Non" } }));
    expect(fr("Statut : pending — Site : Le Fournil — admin_notes : true — Yes")).toEqual([
      { word: "pending", kind: "enum value" },
      { word: "admin_notes", kind: "field name" },
      { word: "true", kind: "boolean" },
      { word: "yes", kind: "boolean" },
    ]);
    expect(fr("Statut : En attente — Site : Le Fournil — Oui")).toEqual([]);
  });

  it("does not take a word the language itself uses for a leak", () => {
    const en = leakChecker(
      vocabulary,
      languageWords({ a: "Pending", b: "Reason", c: "{{count}} active", d: "Yes", e: "No" }),
    );
    expect(en("Pending, 3 active customers. Reason: late. Yes / No")).toEqual([]);
    expect(en("Status: plan_changed")).toEqual([
      { word: "status", kind: "field name" },
      { word: "plan_changed", kind: "enum value" },
    ]);
  });

  it("leaves addresses, host names and dotted keys alone", () => {
    const fr = leakChecker(vocabulary, languageWords({}));
    expect(fr("reason@example.fr https://x.test/pending ai_request.pending status.active")).toEqual([]);
  });
});
