import { $Enums } from "@prisma/client";
import type { LocaleTranslations } from "adminjs";
import { missingWords, unwordedEnums, type ShownAdmin } from "./i18n-check.js";
import { REASONS } from "../db/columns.js";
import { ENUMS } from "./locale.js";

const messages = Object.fromEntries(Object.keys(REASONS).map((key) => [key, key]));

const shown: ShownAdmin = {
  resources: [
    {
      id: "invoices",
      properties: [
        { path: "status", type: "string", values: ["draft", "paid"] },
        { path: "isPaid", type: "boolean", values: [] },
        { path: "totalAmount", type: "number", values: [] },
      ],
      actions: ["list", "refund"],
    },
  ],
  navigation: ["Facturation"],
  pages: ["revenue"],
};

const complete = {
  labels: { invoices: "Factures", Facturation: "Facturation" },
  pages: { revenue: "Revenus" },
  actions: { list: "Liste" },
  messages,
  properties: { totalAmount: "Total" },
  resources: {
    invoices: {
      properties: { status: "Statut", isPaid: "Payée" },
      labels: { status: { draft: "Brouillon", paid: "Payée" }, isPaid: { true: "Oui", false: "Non" } },
      actions: { refund: "Rembourser" },
    },
  },
} as unknown as LocaleTranslations;

describe("missingWords", () => {
  it("finds nothing when every shown thing is worded, shared or per resource", () => {
    expect(missingWords(shown, { fr: complete, en: complete })).toEqual([]);
  });

  it("names each enum value, boolean, property, action, group and page left without words, per language", () => {
    const partial = {
      labels: { invoices: "Invoices" },
      messages,
      resources: { invoices: { properties: { status: "Status" }, labels: { status: { draft: "Draft", paid: " " } } } },
    } as unknown as LocaleTranslations;
    expect(missingWords(shown, { fr: complete, en: partial })).toEqual([
      "en: labels.Facturation",
      "en: pages.revenue",
      "en: resources.invoices.labels.status.paid",
      "en: resources.invoices.properties.isPaid",
      "en: resources.invoices.labels.isPaid.true",
      "en: resources.invoices.labels.isPaid.false",
      "en: resources.invoices.properties.totalAmount",
      "en: resources.invoices.actions.list",
      "en: resources.invoices.actions.refund",
    ]);
  });

  it("asks for the words of every reason a form field can be refused", () => {
    const { messages: _all, ...rest } = complete as unknown as Record<string, unknown>;
    const missing = missingWords(shown, { fr: rest as LocaleTranslations });
    expect(missing).toContain("fr: messages.fieldMoneyAmbiguous");
    expect(missing).toHaveLength(Object.keys(REASONS).length);
  });
});

describe("unwordedEnums", () => {
  it("words every value of every enum of the schema in both languages", () => {
    expect(unwordedEnums(ENUMS)).toEqual([]);
  });

  it("names a value without words, or with blank words, in the language that lacks them", () => {
    const words = structuredClone(ENUMS) as Record<string, Record<string, readonly [string, string]>>;
    delete words.Language!.en;
    words.Language!.fr = ["Français", ""];
    expect(unwordedEnums(words)).toEqual(["en: enums.Language.fr", "fr: enums.Language.en", "en: enums.Language.en"]);
    expect(Object.keys($Enums.Language)).toEqual(["fr", "en"]);
  });
});
