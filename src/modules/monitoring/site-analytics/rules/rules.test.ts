import { ZCollectEvent } from "./event.js";
import { lastDays, parseRange, summarise, type AnalyticsDay } from "./period.js";
import { pagePath, referrerHost, siteHost, visitorHash } from "./visitor.js";
import { percentile, periodP75, rateVital } from "./vitals.js";

const day = (d: string, over: Partial<AnalyticsDay> = {}): AnalyticsDay => ({
  day: d,
  pageViews: 0,
  visitors: 0,
  topPages: [],
  topReferrers: [],
  goals: [],
  vitals: {},
  ...over,
});

describe("site analytics visitor", () => {
  it("is the same digest for the same browser on the same day and site, another on the next day", () => {
    const a = visitorHash("salt-1", 3, "203.0.113.9", "Firefox");
    expect(visitorHash("salt-1", 3, "203.0.113.9", "Firefox")).toBe(a);
    expect(visitorHash("salt-2", 3, "203.0.113.9", "Firefox")).not.toBe(a);
    expect(visitorHash("salt-1", 4, "203.0.113.9", "Firefox")).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toContain("203.0.113.9");
  });

  it("reads hosts as sites.domain holds them", () => {
    expect(siteHost("WWW.Boulangerie.fr:443")).toBe("boulangerie.fr");
    expect(siteHost("shop.example.fr.")).toBe("shop.example.fr");
  });

  it("keeps only the referrer's host, and none for the site itself", () => {
    expect(referrerHost("https://www.google.com/search?q=pain", "boulangerie.fr")).toBe("google.com");
    expect(referrerHost("https://www.boulangerie.fr/tarifs", "boulangerie.fr")).toBeNull();
    expect(referrerHost("android-app://com.x", "boulangerie.fr")).toBeNull();
    expect(referrerHost("not a url", "boulangerie.fr")).toBeNull();
    expect(referrerHost(null, "boulangerie.fr")).toBeNull();
  });

  it("keeps the path without query string or trailing slash", () => {
    expect(pagePath(new URL("https://a.fr/tarifs/?email=x@y.fr#top"))).toBe("/tarifs");
    expect(pagePath(new URL("https://a.fr"))).toBe("/");
  });
});

describe("site analytics event", () => {
  const url = "https://boulangerie.fr/";
  it("accepts a page view, a goal and a vital", () => {
    expect(ZCollectEvent.parse({ url }).type).toBe("pageview");
    expect(ZCollectEvent.safeParse({ type: "goal", goal: "Devis envoyé", url }).success).toBe(true);
    expect(ZCollectEvent.safeParse({ type: "vital", metric: "CLS", value: 0.12, url }).success).toBe(true);
  });

  it.each([
    [{}, "url"],
    [{ url: "javascript:alert(1)" }, "url"],
    [{ url, type: "goal" }, "goal"],
    [{ url, goal: "Signup" }, "goal"],
    [{ url, type: "vital", value: 3 }, "metric"],
    [{ url, type: "vital", metric: "LCP" }, "value"],
    [{ url, type: "vital", metric: "CLS", value: 500 }, "value"],
    [{ url, type: "vital", metric: "FID", value: 3 }, "metric"],
    [{ url, ip: "1.2.3.4" }, ""],
    [{ url, domain: "bad domain" }, "domain"],
  ])("refuses %j naming %s", (body, field) => {
    const parsed = ZCollectEvent.safeParse(body);
    expect(parsed.success).toBe(false);
    if (field) expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
});

describe("site analytics vitals", () => {
  it("rates by the Core Web Vitals thresholds", () => {
    expect(rateVital("LCP", 2500)).toBe("good");
    expect(rateVital("LCP", 2501)).toBe("needs-improvement");
    expect(rateVital("LCP", 4001)).toBe("poor");
    expect(rateVital("INP", 200)).toBe("good");
    expect(rateVital("INP", 501)).toBe("poor");
    expect(rateVital("CLS", 0.1)).toBe("good");
    expect(rateVital("CLS", 0.2)).toBe("needs-improvement");
    expect(rateVital("CLS", 0.3)).toBe("poor");
  });

  it("computes p75 as percentile_cont does", () => {
    expect(percentile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25);
    expect(percentile([10], 0.75)).toBe(10);
    expect(percentile([], 0.75)).toBeNull();
  });

  it("weights the days' p75 by their measures over a period", () => {
    expect(periodP75([{ p75: 1000, count: 10 }])).toEqual({ p75: 1000, count: 10 });
    expect(
      periodP75([
        { p75: 1000, count: 90 },
        { p75: 5000, count: 10 },
      ]),
    ).toEqual({ p75: 1000, count: 100 });
    expect(
      periodP75([
        { p75: 1000, count: 10 },
        { p75: 5000, count: 90 },
      ]),
    ).toEqual({ p75: 5000, count: 100 });
    expect(periodP75([])).toBeNull();
  });
});

describe("site analytics period", () => {
  const now = new Date("2026-12-06T15:00:00Z");
  it("reads from/to, defaulting to the last 30 days", () => {
    expect(parseRange({}, now)).toEqual({ range: { from: "2026-11-07", to: "2026-12-06" } });
    expect(parseRange({ from: "2026-12-01", to: "2026-12-03" }, now)).toEqual({
      range: { from: "2026-12-01", to: "2026-12-03" },
    });
    expect(lastDays(7, now)).toEqual({ from: "2026-11-30", to: "2026-12-06" });
  });

  it.each([
    [{ from: "2026-02-30" }, "from"],
    [{ to: "tomorrow" }, "to"],
    [{ to: "0000-01-01" }, "to"],
    [{ from: "1999-12-31" }, "from"],
    [{ from: "2026-12-05", to: "2026-12-01" }, "from"],
    [{ from: "2024-01-01", to: "2026-01-01" }, "from"],
  ])("refuses %j naming %s", (query, field) => {
    const parsed = parseRange(query, now);
    expect("error" in parsed && parsed.error.field).toBe(field);
  });

  it("sums the days, fills the missing ones with zeros, merges the top lists", () => {
    const summary = summarise({ from: "2026-12-01", to: "2026-12-03" }, [
      day("2026-12-01", {
        pageViews: 10,
        visitors: 4,
        topPages: [
          { path: "/", views: 6 },
          { path: "/tarifs", views: 4 },
        ],
        topReferrers: [{ host: "google.com", visitors: 2 }],
        goals: [{ name: "Devis", count: 1, visitors: 1 }],
        vitals: { LCP: { p75: 2000, count: 4 } },
      }),
      day("2026-12-03", {
        pageViews: 5,
        visitors: 3,
        topPages: [{ path: "/tarifs", views: 5 }],
        topReferrers: [
          { host: "google.com", visitors: 1 },
          { host: "bing.com", visitors: 2 },
        ],
        goals: [{ name: "Devis", count: 2, visitors: 2 }],
        vitals: { LCP: { p75: 5000, count: 1 }, CLS: { p75: 0.3, count: 2 } },
      }),
    ]);
    expect(summary.series.map((d) => [d.day, d.visitors, d.pageViews])).toEqual([
      ["2026-12-01", 4, 10],
      ["2026-12-02", 0, 0],
      ["2026-12-03", 3, 5],
    ]);
    expect(summary.totals).toEqual({ pageViews: 15, visitors: 7, conversions: 3 });
    expect(summary.topPages).toEqual([
      { path: "/tarifs", views: 9 },
      { path: "/", views: 6 },
    ]);
    expect(summary.referrers).toEqual([
      { host: "google.com", visitors: 3 },
      { host: "bing.com", visitors: 2 },
    ]);
    expect(summary.goals).toEqual([{ name: "Devis", count: 3, visitors: 3 }]);
    expect(summary.vitals).toEqual([
      { metric: "LCP", p75: 2000, count: 5, rating: "good" },
      { metric: "CLS", p75: 0.3, count: 2, rating: "poor" },
    ]);
  });
});
