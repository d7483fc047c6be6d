import type { DmmfModel } from "../db/dmmf.js";
import { checkTitle, titleColumns, titleRelations, titleText } from "./record-title.js";

const field = (name: string, type: string, kind = "scalar", isList = false) =>
  ({ name, type, kind, isList }) as DmmfModel["fields"][number];
const models = new Map<string, DmmfModel>([
  [
    "CustomerSubscription",
    {
      name: "CustomerSubscription",
      fields: [
        field("id", "Int"),
        field("stripeSubscriptionId", "String"),
        field("customer", "Customer", "object"),
        field("plan", "BillingPlan", "object"),
        field("history", "SubscriptionHistory", "object", true),
      ],
    } as unknown as DmmfModel,
  ],
  [
    "Customer",
    { name: "Customer", fields: [field("name", "String"), field("metadata", "Json")] } as unknown as DmmfModel,
  ],
  ["BillingPlan", { name: "BillingPlan", fields: [field("name", "String")] } as unknown as DmmfModel],
  ["SubscriptionHistory", { name: "SubscriptionHistory", fields: [field("reason", "String")] } as unknown as DmmfModel],
]);
const subscription = models.get("CustomerSubscription")!;

describe("record titles", () => {
  it("joins the filled parts of a title, relations included", () => {
    const title = ["customer.name", "plan.name", "stripeSubscriptionId"];
    expect(
      titleText({ customer: { name: "Dupont SARL" }, plan: { name: "Pro" }, stripeSubscriptionId: null }, title),
    ).toBe("Dupont SARL · Pro");
    expect(titleText({ customer: null, plan: { name: "Pro" }, stripeSubscriptionId: "sub_1" }, title)).toBe(
      "Pro · sub_1",
    );
  });

  it("answers null when no part is filled, so the caller can fall back", () => {
    expect(titleText({ name: "  " }, ["name"])).toBeNull();
    expect(titleText({ name: "x" }, undefined)).toBeNull();
  });

  it("writes a date column as its day and a timestamp with its minutes", () => {
    expect(titleText({ day: new Date("2026-11-30T00:00:00Z") }, ["day"])).toBe("2026-11-30");
    expect(titleText({ at: new Date("2026-11-30T08:15:42Z") }, ["at"])).toBe("2026-11-30 08:15");
  });

  it("says which relations and own columns a title reads", () => {
    const title = ["customer.name", "plan.name", "plan.id", "stripeSubscriptionId"];
    expect(titleRelations(title)).toEqual({
      customer: { select: { name: true } },
      plan: { select: { name: true, id: true } },
    });
    expect(titleColumns(title)).toEqual(["stripeSubscriptionId"]);
    expect(titleRelations(undefined)).toEqual({});
  });

  it("refuses a title naming what the model does not have", () => {
    expect(() => checkTitle(subscription, ["customer.name", "stripeSubscriptionId"], models)).not.toThrow();
    expect(() => checkTitle(subscription, ["nope"], models)).toThrow(/"nope" is not a column/);
    expect(() => checkTitle(subscription, ["customer.metadata"], models)).toThrow(/is not a column/);
    expect(() => checkTitle(subscription, ["history.reason"], models)).toThrow(/not a relation to one row/);
    expect(() => checkTitle(subscription, ["customer"], models)).toThrow(/is not a column/);
    expect(() => checkTitle(subscription, [], models)).toThrow(/names no column/);
  });
});
