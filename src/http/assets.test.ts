import { etagMatches, hashedName, pickEncoding, rewriteAssetUrls, type AssetManifest } from "./assets.js";

describe("hashedName", () => {
  it("puts a digest of the content before the extension", () => {
    expect(hashedName("app.bundle.js", "a")).toMatch(/^app\.bundle\.[0-9a-f]{10}\.js$/);
    expect(hashedName("roboto-latin-400-normal.woff2", "x")).toMatch(/^roboto-latin-400-normal\.[0-9a-f]{10}\.woff2$/);
  });

  it("gives the same content the same name and other content another", () => {
    expect(hashedName("a.js", Buffer.from("one"))).toBe(hashedName("a.js", "one"));
    expect(hashedName("a.js", "one")).not.toBe(hashedName("a.js", "two"));
  });

  it("appends the digest to a name without an extension", () => {
    expect(hashedName("LICENSE", "x")).toMatch(/^LICENSE\.[0-9a-f]{10}$/);
  });
});

describe("pickEncoding", () => {
  it("prefers brotli, then gzip", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip, deflate")).toBe("gzip");
    expect(pickEncoding("*")).toBe("br");
  });

  it("answers none without a header or an acceptable coding", () => {
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding("deflate")).toBeNull();
  });

  it("respects q=0", () => {
    expect(pickEncoding("br;q=0, gzip")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(pickEncoding("*;q=0")).toBeNull();
  });
});

describe("etagMatches", () => {
  it("matches a tag in a list, weak or strong", () => {
    expect(etagMatches('"a", "b"', '"b"')).toBe(true);
    expect(etagMatches('W/"b"', '"b"')).toBe(true);
    expect(etagMatches("*", '"b"')).toBe(true);
  });

  it("does not match another tag or no header", () => {
    expect(etagMatches('"a"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});

describe("rewriteAssetUrls", () => {
  const manifest: AssetManifest = {
    files: new Map(),
    bundles: new Map([["app.bundle.js", "/admin/assets/app.bundle.0123456789.js"]]),
    fontStylesheet: "/admin/assets/roboto.abcdef0123.css",
  };
  const page = (state: string) =>
    `<!DOCTYPE html><html><head><script>window.REDUX_STATE = ${state};</script><meta charset="utf-8">` +
    `<script src="/admin/frontend/assets/app.bundle.js"></script>` +
    `<script src="/admin/frontend/assets/themes/x.js"></script></head><body></body></html>`;

  it("points the known bundles at their hashed names and links the font stylesheet in the head", () => {
    const out = rewriteAssetUrls(page("{}"), manifest, "/admin");
    expect(out).toContain('<script src="/admin/assets/app.bundle.0123456789.js"></script>');
    expect(out).toContain('<script src="/admin/frontend/assets/themes/x.js"></script>');
    expect(out).toMatch(/<link rel="stylesheet" href="\/admin\/assets\/roboto\.abcdef0123\.css">\n<\/head>/);
  });

  it("leaves data in the page's state alone", () => {
    const state = JSON.stringify({ note: '</head><script src="/admin/frontend/assets/app.bundle.js">' });
    const out = rewriteAssetUrls(page(state), manifest, "/admin");
    expect(out).toContain(`window.REDUX_STATE = ${state};`);
    expect(out.match(/roboto\.abcdef0123\.css/g)).toHaveLength(1);
  });
});
