// Watches every response a test app sends for a password hash: no endpoint may ever leak one.
import express, { type Express, type RequestHandler } from "express";

const BCRYPT_HASH = /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/;

export const leaks: { method: string; path: string }[] = [];

const guard: RequestHandler = (req, res, next) => {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ReturnType<typeof res.end>;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), (encoding as BufferEncoding) ?? "utf8"));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, typeof rest[0] === "string" ? rest[0] : undefined);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, typeof rest[0] === "string" ? rest[0] : undefined);
    const body = Buffer.concat(chunks).toString("utf8");
    if (BCRYPT_HASH.test(body)) leaks.push({ method: req.method, path: req.originalUrl });
    return end(chunk, ...rest);
  }) as typeof res.end;
  next();
};

/** The app behind the guard: every response it sends is checked. */
export function guarded(app: Express): Express {
  const outer = express();
  outer.use(guard);
  outer.use(app);
  return outer;
}
