import type { DmmfModel } from "../db/dmmf.js";
import { resolveRelated } from "./related-records.js";

type Field = Partial<DmmfModel["fields"][number]> & { name: string; type: string };
const model = (name: string, dbName: string, fields: Field[]) =>
  ({
    name,
    dbName,
    fields: fields.map((f) => ({ kind: "scalar", isList: false, isId: false, ...f })),
  }) as unknown as DmmfModel;

const customer = model("Customer", "customers", [{ name: "id", type: "Int", isId: true }]);
const models = new Map<string, DmmfModel>([
  ["Customer", customer],
  [
    "Site",
    model("Site", "sites", [
      { name: "id", type: "Int", isId: true },
      { name: "customerId", type: "Int" },
      { name: "name", type: "String" },
      { name: "customer", type: "Customer", kind: "object", relationFromFields: ["customerId"] },
    ]),
  ],
  [
    "Plan",
    model("Plan", "plans", [
      { name: "id", type: "Int", isId: true },
      { name: "ownerId", type: "Int" },
      { name: "owner", type: "Site", kind: "object", relationFromFields: ["ownerId"] },
    ]),
  ],
  [
    "Alert",
    model("Alert", "alerts", [
      { name: "id", type: "Int", isId: true },
      { name: "customerId", type: "Int" },
    ]),
  ],
]);

describe("related lists of a table spec", () => {
  it("filters a related table on its relation where the column has one, else on the column", () => {
    expect(
      resolveRelated(
        customer,
        [
          { table: "sites", via: "customerId" },
          { table: "alerts", via: "customerId", limit: 10 },
        ],
        models,
      ),
    ).toEqual([
      { table: "sites", via: "customerId", property: "customer", limit: 5 },
      { table: "alerts", via: "customerId", property: "customerId", limit: 10 },
    ]);
  });

  it("has nothing to resolve for a table without related lists", () => {
    expect(resolveRelated(customer, [], models)).toEqual([]);
  });

  it("refuses a table, a column or a limit the data model does not allow", () => {
    expect(() => resolveRelated(customer, [{ table: "nope", via: "customerId" }], models)).toThrow(
      "customers: related nope.customerId: no such table",
    );
    expect(() => resolveRelated(customer, [{ table: "sites", via: "siteId" }], models)).toThrow(
      /not a column holding a customers id/,
    );
    expect(() => resolveRelated(customer, [{ table: "sites", via: "name" }], models)).toThrow(
      /not a column holding a customers id \(Int\)/,
    );
    expect(() => resolveRelated(customer, [{ table: "plans", via: "ownerId" }], models)).toThrow(
      /refers to Site, not Customer/,
    );
    expect(() => resolveRelated(customer, [{ table: "sites", via: "customerId", limit: 0 }], models)).toThrow(
      /limit must be an integer from 1 to 50/,
    );
    expect(() =>
      resolveRelated(
        customer,
        [
          { table: "sites", via: "customerId" },
          { table: "sites", via: "customerId" },
        ],
        models,
      ),
    ).toThrow(/listed twice/);
  });
});
