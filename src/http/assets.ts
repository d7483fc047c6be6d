// The back-office's scripts, stylesheet and fonts, served by the portal itself under /admin/assets/ with
// names carrying a digest of their content: a browser keeps them for a year without asking again
// (Cache-Control immutable), and a new version is a new name. Each is stored minified and compressed
// ahead of time (brotli and gzip), so a request costs a file lookup, not a compression.
//
// AdminJS's own pages link its bundles at fixed names (/admin/frontend/assets/app.bundle.js, and the
// development builds of about 26 MB unless NODE_ENV=production) and the Roboto font at Google's; the page
// rewrite (adminHtml) points them at these files instead: AdminJS's production bundles in every
// environment, the components of components/ minified by esbuild, and Roboto from @fontsource/roboto.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { RequestHandler } from "express";
import { transform } from "esbuild";
import { AppError } from "../lib/errors.js";

const require = createRequire(import.meta.url);
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Where the assets are served from, under the AdminJS root. */
export const ASSETS_PATH = "/assets";
/** Roboto's weights the AdminJS design system uses. */
const ROBOTO_WEIGHTS = [300, 400, 500, 700] as const;
const YEAR_SECONDS = 365 * 24 * 3600;

export type Encoding = "br" | "gzip";

export interface Asset {
  /** The name AdminJS's pages use (app.bundle.js), or ours (roboto.css, a font file's). */
  name: string;
  /** The served file name: the name with a digest of the content before its extension. */
  file: string;
  type: string;
  etag: string;
  body: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

export interface AssetManifest {
  /** By served file name. */
  files: Map<string, Asset>;
  /** The served URL of each AdminJS bundle, by the name AdminJS links it under. */
  bundles: Map<string, string>;
  /** The served URL of the font stylesheet. */
  fontStylesheet: string;
}

/** "app.bundle.js" and its content -> "app.bundle.<10 hex digits of its SHA-256>.js". */
export function hashedName(name: string, content: Buffer | string): string {
  const digest = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? `${name}.${digest}` : `${name.slice(0, dot)}.${digest}${name.slice(dot)}`;
}

/**
 * The encoding to answer with for an Accept-Encoding header (RFC 9110 12.5.3): brotli before gzip when
 * both are acceptable, none when neither is (or when q=0 refuses them).
 */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (!coding) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(coding, Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: Encoding) => (q.get(coding) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip") || (q.get("x-gzip") ?? 0) > 0) return "gzip";
  return null;
}

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
};

/**
 * brotli at quality 9, not 11: 11 takes about 18 s for the 1.9 MB design-system bundle here, for
 * 15% fewer bytes; the result is kept on disk by digest, so each version is compressed once.
 */
async function compressed(file: string, body: Buffer, cacheDir: string): Promise<Asset["encoded"]> {
  const encoded: Asset["encoded"] = {};
  await Promise.all(
    (["br", "gzip"] as const).map(async (encoding) => {
      const cached = path.join(cacheDir, `${file}.${encoding === "br" ? "br" : "gz"}`);
      let data = await readFile(cached).catch(() => null);
      if (!data) {
        data =
          encoding === "br"
            ? await brotli(body, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              })
            : await gzip(body, { level: 9 });
        // Written aside then renamed: two processes starting together never read half a file.
        const partial = `${cached}.${process.pid}.tmp`;
        await writeFile(partial, data);
        await rename(partial, cached);
      }
      // Only a copy smaller by more than a few bytes is worth a Content-Encoding.
      if (data.length < body.length * 0.95) encoded[encoding] = data;
    }),
  );
  return encoded;
}

async function asset(name: string, body: Buffer, cacheDir: string): Promise<Asset> {
  const file = hashedName(name, body);
  const type = TYPES[path.extname(name)] ?? "application/octet-stream";
  // woff2 is brotli inside already.
  const encoded = type.startsWith("font/") ? {} : await compressed(file, body, cacheDir);
  return { name, file, type, etag: `"${file}"`, body, encoded };
}

/** Roboto's stylesheet for the weights the design system uses, its woff2 files under their hashed names. */
async function robotoAssets(cacheDir: string): Promise<{ css: Asset; fonts: Asset[] }> {
  const root = path.dirname(require.resolve("@fontsource/roboto/400.css"));
  const fonts = new Map<string, Asset>();
  const sheets: string[] = [];
  for (const weight of ROBOTO_WEIGHTS) {
    const css = await readFile(path.join(root, `${weight}.css`), "utf8");
    // Every browser that runs the back-office reads woff2: the woff fallbacks are dropped.
    const rewritten = css.replace(/src:\s*([^;]+);/g, (_all, sources: string) => {
      const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(sources)?.[1];
      if (!woff2) throw new Error(`@fontsource/roboto ${weight}.css: a face without woff2`);
      return `src: url(__FONT__${woff2}__) format('woff2');`;
    });
    for (const [, file] of rewritten.matchAll(/__FONT__(.+?\.woff2)__/g)) {
      if (!fonts.has(file!))
        fonts.set(file!, await asset(file!, await readFile(path.join(root, "files", file!)), cacheDir));
    }
    sheets.push(rewritten);
  }
  const css = sheets
    .join("\n")
    .replace(/__FONT__(.+?\.woff2)__/g, (_all, file: string) => `./${fonts.get(file)!.file}`);
  return { css: await asset("roboto.css", Buffer.from(css), cacheDir), fonts: [...fonts.values()] };
}

export interface BuildAssetsOptions {
  /** URL path the assets are served under (e.g. /admin/assets). */
  baseUrl: string;
  /** Where compressed copies are kept between starts. */
  cacheDir: string;
  /** The bundle of components/ that AdminJS wrote, when it was bundled. */
  componentsBundle?: string;
}

/** Reads, minifies where needed and compresses the assets: once per start, most of it from cacheDir. */
export async function buildAssets(options: BuildAssetsOptions): Promise<AssetManifest> {
  await mkdir(options.cacheDir, { recursive: true });
  // As AdminJS's router finds them (adminjs/lib/backend/utils/router/router.js), production builds.
  const adminjs = path.dirname(require.resolve("adminjs"));
  const designSystem = path.join(path.dirname(require.resolve("@adminjs/design-system")), "..");
  const sources: [string, string][] = [
    ["global.bundle.js", path.join(adminjs, "lib/frontend/assets/scripts/global-bundle.production.js")],
    ["design-system.bundle.js", path.join(designSystem, "bundle.production.js")],
    ["app.bundle.js", path.join(adminjs, "lib/frontend/assets/scripts/app-bundle.production.js")],
  ];
  const bundles = await Promise.all(
    sources.map(async ([name, file]) => asset(name, await readFile(file), options.cacheDir)),
  );
  if (options.componentsBundle) {
    const code = await readFile(options.componentsBundle, "utf8");
    // AdminJS minifies it only when NODE_ENV=production; minifying a minified bundle again is harmless.
    const minified = await transform(code, { minify: true, target: "es2020", legalComments: "none" });
    bundles.push(await asset("components.bundle.js", Buffer.from(minified.code), options.cacheDir));
  }
  const roboto = await robotoAssets(options.cacheDir);
  const all = [...bundles, roboto.css, ...roboto.fonts];
  const url = (a: Asset) => `${options.baseUrl}/${a.file}`;
  return {
    files: new Map(all.map((a) => [a.file, a])),
    bundles: new Map(bundles.map((a) => [a.name, url(a)])),
    fontStylesheet: url(roboto.css),
  };
}

/** GET/HEAD /<hashed file>: the stored bytes, compressed as the client accepts, cached for a year. */
export function serveAssets(manifest: AssetManifest): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const found = manifest.files.get(req.path.slice(1));
    // An old name (a page from before a new version) is gone for good; no login redirect for it.
    if (!found) return next(new AppError("not_found", "No such asset"));
    res.set({
      "Content-Type": found.type,
      "Cache-Control": `public, max-age=${YEAR_SECONDS}, immutable`,
      ETag: found.etag,
      "X-Content-Type-Options": "nosniff",
    });
    if (Object.keys(found.encoded).length) res.vary("Accept-Encoding");
    if (etagMatches(req.get("if-none-match"), found.etag)) {
      res.status(304).end();
      return;
    }
    const encoding = pickEncoding(req.get("accept-encoding"));
    const encoded = encoding ? found.encoded[encoding] : undefined;
    if (encoding && encoded) res.set("Content-Encoding", encoding);
    const body = encoded ?? found.body;
    res.set("Content-Length", String(body.length));
    res.status(200).end(req.method === "HEAD" ? undefined : body);
  };
}

/**
 * An AdminJS page pointing at the served assets: its bundles' fixed names replaced by the hashed ones,
 * and the font stylesheet linked (AdminJS's own Google Fonts link is dropped by src/http/csp.ts).
 */
export function rewriteAssetUrls(html: string, manifest: AssetManifest, adminRoot: string): string {
  const prefix = `${adminRoot}/frontend/assets/`;
  const out = html.replace(/(<script\s+src=")([^"]+)(")/gi, (all, open: string, src: string, close: string) => {
    if (!src.startsWith(prefix)) return all;
    const served = manifest.bundles.get(src.slice(prefix.length));
    return served ? `${open}${served}${close}` : all;
  });
  // Before the last </head>: the page's data (its initial state) all comes before it.
  const head = out.toLowerCase().lastIndexOf("</head>");
  if (head < 0) return out;
  return `${out.slice(0, head)}<link rel="stylesheet" href="${manifest.fontStylesheet}">\n${out.slice(head)}`;
}

/** HTML bodies at least this long are compressed; shorter ones would not gain a packet. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Mounted under /admin before the nonce rewrite (src/http/csp.ts) so that it runs after it: HTML pages
 * sent with res.send get the served assets' URLs and leave compressed (brotli, else gzip).
 */
export function adminHtml(manifest: AssetManifest | null, adminRoot: string): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const type = String(res.get("Content-Type") ?? "");
      const html =
        typeof body === "string" && (/text\/html/i.test(type) || (!type && /^\s*<!doctype html/i.test(body)));
      if (!html) return send(body);
      const page = manifest ? rewriteAssetUrls(body, manifest, adminRoot) : body;
      res.vary("Accept-Encoding");
      const encoding = pickEncoding(req.get("accept-encoding"));
      if (!encoding || Buffer.byteLength(page) < COMPRESS_FROM_BYTES || res.get("Content-Encoding")) return send(page);
      // Pages are built per request (the signed-in admin's state): compressed on the fly, at a level
      // that costs a few milliseconds for AdminJS's 0.5 MB pages.
      const data =
        encoding === "br"
          ? zlib.brotliCompressSync(page, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
          : zlib.gzipSync(page, { level: 6 });
      if (!type) res.type("html");
      res.set("Content-Encoding", encoding);
      return send(data);
    };
    next();
  };
}
