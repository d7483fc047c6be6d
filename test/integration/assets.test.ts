// The back-office's pages ask nothing of another host, and their scripts, stylesheet and fonts come
// from the portal under hashed names, cached for a year, compressed, revalidated by ETag.
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { makeAdmin } from "../factories/index.js";
import { browserAgent, loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
let server: Server;

beforeAll(async () => {
  t = await makeTestApp();
  server = await new Promise<Server>((resolve) => {
    const s = t.app.listen(0, "127.0.0.1", () => resolve(s));
  });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

/** A GET whose body is kept as sent (supertest would decompress it). */
function rawGet(path: string, headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

/** Every URL a page's tags point at (src, href). */
function linkedUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"/gi)].map((m) => m[1]!);
}

async function pages() {
  const admin = await makeAdmin(t.deps.prisma, { role: "admin" });
  const agent = await loginAgent(t.app, admin.email, admin.password);
  return [
    await browserAgent(t.app).get("/admin/login").set("Accept-Encoding", "gzip"),
    await agent.get("/admin").set("Accept-Encoding", "gzip"),
  ];
}

describe("back-office assets", () => {
  it("serves pages that link only the portal's own files, compressed", async () => {
    for (const page of await pages()) {
      expect(page.status).toBe(200);
      expect(page.headers["content-encoding"]).toBe("gzip");
      expect(page.headers.vary).toMatch(/Accept-Encoding/i);
      const urls = linkedUrls(page.text);
      expect(urls.length).toBeGreaterThan(4);
      for (const url of urls) expect(url).toMatch(/^\/(?!\/)/);
      expect(page.text).not.toContain("googleapis");
    }
  });

  it("serves each script and the font stylesheet under a hashed name, immutable, in br or gzip, 304 on its ETag", async () => {
    const [login] = await pages();
    const urls = linkedUrls(login!.text).filter((u) => u.startsWith("/admin/assets/"));
    const names = urls.map((u) => u.split("/").pop()!);
    for (const bundle of ["global.bundle", "design-system.bundle", "app.bundle", "roboto"])
      expect(names.some((n) => new RegExp(`^${bundle}\\.[0-9a-f]{10}\\.(js|css)$`).test(n))).toBe(true);

    for (const url of urls) {
      const br = await rawGet(url, { "accept-encoding": "br" });
      expect(br.status).toBe(200);
      expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(br.headers["content-encoding"]).toBe("br");
      const gz = await rawGet(url, { "accept-encoding": "gzip" });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      const plain = await rawGet(url, { "accept-encoding": "identity" });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(br.body.length).toBeLessThan(plain.body.length);
      expect(gz.body.length).toBeLessThan(plain.body.length);

      const etag = br.headers.etag as string;
      expect(etag).toBeTruthy();
      const again = await rawGet(url, { "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it("serves Roboto's faces from the portal", async () => {
    const [login] = await pages();
    const sheet = linkedUrls(login!.text).find((u) => /\/roboto\.[0-9a-f]{10}\.css$/.test(u))!;
    const css = await request(t.app).get(sheet).set("Accept-Encoding", "gzip");
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
    const faces = [...css.text.matchAll(/url\(\.\/([^)]+)\)/g)].map((m) => m[1]!);
    expect(faces.length).toBeGreaterThanOrEqual(4);
    for (const weight of [300, 400, 500, 700]) expect(css.text).toContain(`font-weight: ${weight}`);
    const latin = faces.find((f) => /^roboto-latin-400-normal\.[0-9a-f]{10}\.woff2$/.test(f))!;
    const font = await rawGet(`/admin/assets/${latin}`, { "accept-encoding": "gzip, br" });
    expect(font.status).toBe(200);
    expect(font.headers["content-type"]).toBe("font/woff2");
    expect(font.headers["cache-control"]).toContain("immutable");
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect(font.body.subarray(0, 4).toString("latin1")).toBe("wOF2");
  });

  it("answers an unknown asset name with 404", async () => {
    const res = await request(t.app).get("/admin/assets/app.bundle.0000000000.js");
    expect(res.status).toBe(404);
  });
});
