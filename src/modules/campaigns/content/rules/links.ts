// The links of a campaign's HTML: frozen on the campaign at send time, and rewritten per recipient to
// the click redirect. Only absolute http(s) links without Liquid in them are tracked; others (mailto:,
// anchors) stay as written.
const HREF = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2/gi;

function trackable(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) && !url.includes("{{") && !url.includes("{%");
}

/** The HTML entity-decoded href (&amp; in HTML is & in the URL). */
function decode(href: string): string {
  return href.replace(/&amp;/g, "&");
}

/** The distinct trackable links of one or more HTML bodies, in order of first appearance. */
export function extractLinks(...htmls: string[]): string[] {
  const found: string[] = [];
  for (const html of htmls) {
    for (const m of html.matchAll(HREF)) {
      const url = decode(m[3]!);
      if (trackable(url) && !found.includes(url)) found.push(url);
    }
  }
  return found;
}

/** `html` with every frozen link replaced by `redirect(index)`; links not frozen stay as they are. */
export function rewriteLinks(html: string, links: readonly string[], redirect: (index: number) => string): string {
  return html.replace(HREF, (all, start: string, quote: string, href: string) => {
    const index = links.indexOf(decode(href));
    return index < 0 ? all : `${start}${quote}${redirect(index)}${quote}`;
  });
}
