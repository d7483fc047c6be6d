import { allowedPages, forbiddenPages, isExpected403, type ResourceInfo } from "./plan.js";

const invoices: ResourceInfo = {
  id: "invoices",
  module: "billing",
  firstRecordId: "7",
  actions: [
    { name: "list", type: "resource", permission: "view", hasComponent: true },
    { name: "show", type: "record", permission: "view", hasComponent: true },
    { name: "new", type: "resource", permission: "create_invoice", hasComponent: true },
    { name: "edit", type: "record", permission: "create_invoice", hasComponent: true },
    { name: "delete", type: "record", permission: null, hasComponent: false },
    { name: "accountingExport", type: "resource", permission: "export", hasComponent: true },
    { name: "remindOverdue", type: "resource", permission: "create_invoice", hasComponent: false },
    { name: "refund", type: "record", permission: "refund", hasComponent: true },
  ],
};
const adminUsers: ResourceInfo = {
  id: "admin_users",
  module: "settings",
  firstRecordId: "1",
  actions: [
    { name: "list", type: "resource", permission: "system", hasComponent: true },
    { name: "show", type: "record", permission: "system", hasComponent: true },
  ],
};
const keys = (pages: { key: string }[]) => pages.map((p) => p.key);

describe("walk plan", () => {
  it("gives a viewer the dashboard, the account page, its custom pages, lists and records, and no form", () => {
    const pages = allowedPages("viewer", [invoices, adminUsers], [{ name: "revenue", module: "billing" }]);
    expect(keys(pages)).toEqual([
      "dashboard",
      "account-password",
      "page-revenue",
      "invoices-list",
      "invoices-accountingExport",
      "invoices-show",
    ]);
  });

  it("gives an admin the forms, and a record action only where AdminJS offers it on the record", () => {
    const offered = allowedPages("admin", [invoices], [], () => ["refund"]);
    expect(keys(offered)).toEqual(
      expect.arrayContaining(["invoices-new", "invoices-edit", "invoices-refund", "invoices-accountingExport"]),
    );
    expect(offered.find((p) => p.key === "invoices-edit")!.path).toBe("/admin/resources/invoices/records/7/edit");
    expect(keys(allowedPages("admin", [invoices], []))).not.toContain("invoices-refund");
    // An editor may not refund even where the record offers it; actions without a page are not walked.
    const editor = keys(allowedPages("editor", [invoices], [], () => ["refund"]));
    expect(editor).not.toContain("invoices-refund");
    expect(editor).not.toContain("invoices-remindOverdue");
  });

  it("sends the roles without settings.system to the admin users' list and Bull Board, expecting 403s there", () => {
    const pages = forbiddenPages("editor", [invoices, adminUsers]);
    expect(keys(pages)).toEqual(["admin_users-list-forbidden", "queues-forbidden"]);
    expect(isExpected403(pages[0]!, "/admin/api/resources/admin_users/actions/list")).toBe(true);
    expect(isExpected403(pages[0]!, "/admin/api/resources/invoices/actions/list")).toBe(false);
    expect(forbiddenPages("super_admin", [invoices, adminUsers])).toEqual([]);
  });
});
