// Locod-AI site analytics: <script defer src="https://PORTAL/collect.js" data-domain="example.fr"></script>
// Page views (also on history.pushState), goals with locod("Name"), and LCP, INP and CLS sent once when the
// page is hidden. No cookie, no storage; events go with navigator.sendBeacon (fetch keepalive otherwise).
// The portal serves this file without its comment lines and indentation (about 1.3 kB, 0.7 kB gzipped).
/* global window, navigator, location, history, URL, fetch, PerformanceObserver */
(function (w, d, n) {
  var s = d.currentScript,
    e = new URL("/collect", (s && s.src) || location.href).href,
    m = s && s.dataset.domain,
    v = {},
    h = history,
    p = h.pushState;
  function send(o) {
    o.url = location.href;
    if (m) o.domain = m;
    var b = JSON.stringify(o);
    if (!(n.sendBeacon && n.sendBeacon(e, b)))
      fetch(e, { method: "POST", body: b, keepalive: !0, credentials: "omit" });
  }
  function view() {
    send({ type: "pageview", referrer: d.referrer || null });
  }
  function watch(type, f) {
    try {
      new PerformanceObserver(function (l) {
        l.getEntries().forEach(f);
      }).observe({ type: type, buffered: !0, durationThreshold: 40 });
    } catch {
      // not measured by this browser
    }
  }
  watch("largest-contentful-paint", function (x) {
    v.LCP = x.startTime;
  });
  watch("layout-shift", function (x) {
    if (!x.hadRecentInput) v.CLS = (v.CLS || 0) + x.value;
  });
  // The slowest interaction stands for INP (exact up to 50 interactions).
  watch("event", function (x) {
    if (x.interactionId) v.INP = Math.max(v.INP || 0, x.duration);
  });
  d.addEventListener("visibilitychange", function () {
    if (d.visibilityState == "hidden") {
      for (var k in v)
        send({ type: "vital", metric: k, value: k == "CLS" ? Math.round(v[k] * 1e4) / 1e4 : Math.round(v[k]) });
      v = {};
    }
  });
  h.pushState = function () {
    p.apply(h, arguments);
    view();
  };
  w.addEventListener("popstate", view);
  w.locod = function (x) {
    send({ type: "goal", goal: String(x) });
  };
  view();
})(window, document, navigator);
