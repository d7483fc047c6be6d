import { judge, report, type PageObservation } from "./judge.js";
import type { WalkPage } from "./plan.js";

const list: WalkPage = {
  key: "invoices-list",
  kind: "list",
  path: "/admin/resources/invoices",
  spa: true,
  expected403: [],
};
const origin = "http://127.0.0.1:4000";
const words = { notFound: ["Page introuvable", "Page not found"] };

function observed(overrides: Partial<PageObservation> = {}): PageObservation {
  return {
    page: list,
    origin,
    requests: [{ url: `${origin}/admin/api/resources/invoices/actions/list`, method: "GET", at: 100, status: 200 }],
    consoleErrors: [],
    settledAt: 700,
    idleFrom: 700,
    text: "Factures",
    violations: [],
    leaks: [],
    htmlLang: "fr",
    language: "fr",
    ...overrides,
  };
}

describe("judging a page", () => {
  it("passes a quiet, clean page", () => {
    expect(judge(observed(), words)).toEqual([]);
  });

  it("takes a request the page cancelled and sent again, answered, for superseded; alone it fails", () => {
    const url = `${origin}/admin/api/resources/invoices/records/1/edit`;
    const aborted = { url, method: "GET", at: 200, failure: "net::ERR_ABORTED" };
    expect(judge(observed({ requests: [aborted, { url, method: "GET", at: 210, status: 200 }] }), words)).toEqual([]);
    expect(judge(observed({ requests: [aborted] }), words)).toEqual([
      "failed request: GET /admin/api/resources/invoices/records/1/edit (net::ERR_ABORTED)",
    ]);
    expect(judge(observed({ requests: [aborted, { url, method: "GET", at: 210, status: 500 }] }), words)).toContain(
      "failed request: GET /admin/api/resources/invoices/records/1/edit (net::ERR_ABORTED)",
    );
  });

  it("lists every reason a page fails, not only the first", () => {
    const api = (at: number) => ({ url: `${origin}/admin/api/dashboard`, method: "GET", at, status: 200 });
    const reasons = judge(
      observed({
        requests: [
          { url: "https://fonts.googleapis.com/css?family=Roboto", method: "GET", at: 5 },
          { url: `${origin}/admin/api/resources/admin_users/actions/search`, method: "GET", at: 300, status: 403 },
          { url: `${origin}/admin/api/x`, method: "GET", at: 310, failure: "net::ERR_CONNECTION_RESET" },
          api(800),
          api(900),
          api(1000),
          api(20_000),
        ],
        consoleErrors: ["Failed to load resource: the server responded with a status of 403 (Forbidden)"],
        violations: [
          { id: "label", impact: "critical", help: "Form elements must have labels", nodes: [{ target: ["#a"] }] },
          { id: "region", impact: "moderate", help: "Landmarks", nodes: [{ target: ["#b"] }] },
        ],
        leaks: [{ word: "pending", kind: "enum value" }],
        htmlLang: "en",
      }),
      words,
    );
    expect(reasons).toEqual([
      "request to another host: fonts.googleapis.com",
      "failed request: GET /admin/api/resources/admin_users/actions/search -> 403",
      "failed request: GET /admin/api/x (net::ERR_CONNECTION_RESET)",
      "3 API requests in 10 idle seconds (max 2): /admin/api/dashboard",
      "console error: Failed to load resource: the server responded with a status of 403 (Forbidden)",
      "axe critical label (1x): Form elements must have labels [#a]",
      '<html lang="en"> on a page in fr',
      "untranslated enum value: pending",
    ]);
  });

  it("accepts the 403s a forbidden page expects, and refuses a forbidden page that reads as not found", () => {
    const page: WalkPage = {
      key: "admin_users-list-forbidden",
      kind: "forbidden",
      path: "/admin/resources/admin_users",
      spa: false,
      expected403: ["/admin/api/resources/admin_users/*"],
    };
    const refused = {
      page,
      requests: [{ url: `${origin}/admin/api/resources/admin_users/actions/list`, method: "GET", at: 50, status: 403 }],
      consoleErrors: ["Failed to load resource: the server responded with a status of 403 (Forbidden)"],
    };
    expect(judge(observed({ ...refused, text: "Accès refusé" }), words)).toEqual([]);
    expect(judge(observed({ ...refused, text: "Page introuvable" }), words)).toEqual([
      "forbidden page reads as not found (404) instead of forbidden (403)",
    ]);
  });

  it("reports a page that never settles, and counts its requests from when the walk stopped waiting", () => {
    const busy = Array.from({ length: 30 }, (_, i) => ({
      url: `${origin}/admin/api/pages/revenue`,
      method: "GET",
      at: i * 1000,
    }));
    const reasons = judge(observed({ settledAt: undefined, idleFrom: 20_000, requests: busy }), words);
    expect(reasons).toEqual([
      "never settled (requests kept coming)",
      "9 API requests in 10 idle seconds (max 2): /admin/api/pages/revenue",
    ]);
  });

  it("writes every failing page with all its reasons", () => {
    expect(report([], 12)).toBe("12 pages walked, none failed");
    expect(report([{ context: "viewer/fr", page: list, reasons: ["a", "b"] }], 12)).toBe(
      ["1 of 12 pages failed:", "- [viewer/fr] invoices-list /admin/resources/invoices", "    a", "    b"].join("\n"),
    );
  });
});
