import { pathVerdict } from "./admin-action-guard.js";

describe("pathVerdict", () => {
  it("lets a clean path through", () => {
    expect(pathVerdict("/admin/api/resources/customers/actions/new")).toBeNull();
    expect(pathVerdict("/admin/resources/customers/records/1/show")).toBeNull();
    expect(pathVerdict("/admin/frontend/assets/app.bundle.js")).toBeNull();
  });

  it("collapses repeated slashes", () => {
    expect(pathVerdict("/admin//api/resources/x")).toEqual({ redirect: "/admin/api/resources/x" });
    expect(pathVerdict("//admin///api")).toEqual({ redirect: "/admin/api" });
  });

  it.each([
    "/admin/api/resources/customers%2Factions/new",
    "/admin/api/resources/customers%2factions/new",
    "/admin/api%5Cresources/customers/actions/new",
    "/admin/api/resources/customers/./actions/new",
    "/admin/api/x/../resources/customers/actions/new",
    "/admin/api/resources/customers/actions/new/..",
    "/admin/api/%2e/resources/customers/actions/new",
    "/admin/api/%2E%2E/api/resources",
  ])("refuses %s", (path) => {
    expect(pathVerdict(path)).toEqual({ refuse: true });
  });
});
