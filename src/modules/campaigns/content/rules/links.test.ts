import { extractLinks, rewriteLinks } from "./links.js";

describe("campaign links", () => {
  const html = `<a href="https://locod.ai/a?x=1&amp;y=2">A</a> <a class="b" href='https://locod.ai/b'>B</a>
    <a href="mailto:x@y.z">m</a> <a href="https://locod.ai/a?x=1&amp;y=2">A again</a> <a href="{{ unsubscribe_url }}">u</a>`;

  it("should freeze the distinct http(s) links only", () => {
    expect(extractLinks(html)).toEqual(["https://locod.ai/a?x=1&y=2", "https://locod.ai/b"]);
  });

  it("should rewrite frozen links to the redirect and leave the others", () => {
    const out = rewriteLinks(html, extractLinks(html), (i) => `https://portal/t/c/${i}`);
    expect(out).toContain(`href="https://portal/t/c/0"`);
    expect(out).toContain(`href='https://portal/t/c/1'`);
    expect(out).toContain(`href="mailto:x@y.z"`);
    expect(out.match(/t\/c\/0/g)).toHaveLength(2);
    expect(out).toContain(`href="{{ unsubscribe_url }}"`);
  });
});
