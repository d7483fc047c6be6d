import { isAssetPath, requestLine } from "./request-log.js";

describe("requestLine", () => {
  it("names the method, the path, the status and the time", () => {
    expect(requestLine("GET", "/admin/resources/customers", 200, 12.4)).toBe(
      "GET /admin/resources/customers 200 12 ms",
    );
  });

  it("leaves the query string out", () => {
    expect(requestLine("GET", "/admin/reset-password?token=secret", 302, 3)).toBe("GET /admin/reset-password 302 3 ms");
  });

  it("omits the time when it is not known", () => {
    expect(requestLine("POST", "/admin/login", 500)).toBe("POST /admin/login 500");
  });
});

describe("isAssetPath", () => {
  it("tells static assets from pages", () => {
    expect(isAssetPath("/admin/assets/app.bundle.0123456789.js")).toBe(true);
    expect(isAssetPath("/admin/frontend/assets/icomoon.css")).toBe(true);
    expect(isAssetPath("/admin/queues/static/js/main.js")).toBe(true);
    expect(isAssetPath("/favicon.svg?v=1")).toBe(true);
    expect(isAssetPath("/admin/resources/customers")).toBe(false);
    expect(isAssetPath("/admin")).toBe(false);
  });
});
