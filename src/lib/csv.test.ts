import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import request from "supertest";
import { csvField, streamCsv, type CsvOutcome } from "./csv.js";

const columns = [
  { header: "name", kind: "text" as const },
  { header: "amount", kind: "figure" as const },
];

async function* rowsOf(rows: (string | null)[][]) {
  for (const row of rows) yield row;
}

function appStreaming(rows: () => AsyncIterable<(string | null)[]>, outcomes: CsvOutcome[], bom = false) {
  const app = express();
  app.get("/file.csv", (_req, res, next) => {
    streamCsv(res, { filename: "file.csv", columns, rows: rows(), bom, beforeEnd: (o) => void outcomes.push(o) }).catch(
      next,
    );
  });
  return app;
}

describe("csvField", () => {
  it("defuses formulas in text cells and quotes what needs it", () => {
    expect(csvField("=1+1", "text")).toBe("'=1+1");
    expect(csvField("-2.00", "figure")).toBe("-2.00");
    expect(csvField('a, "b"', "text")).toBe('"a, ""b"""');
    expect(csvField(null, "text")).toBe("");
  });
});

describe("streamCsv", () => {
  it("writes the headers, the header line and each row, CRLF, with a BOM when asked", async () => {
    const outcomes: CsvOutcome[] = [];
    const app = appStreaming(
      () =>
        rowsOf([
          ["Dupont, Fils", "12.50"],
          ["=cmd", null],
        ]),
      outcomes,
      true,
    );
    const res = await request(app)
      .get("/file.csv")
      .buffer(true)
      .parse((r, done) => {
        let text = "";
        r.setEncoding("utf8");
        r.on("data", (c: string) => (text += c));
        r.on("end", () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="file.csv"');
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toBe('\uFEFFname,amount\r\n"Dupont, Fils",12.50\r\n\'=cmd,\r\n');
    expect(outcomes).toEqual([{ rows: 2, completed: true, error: null }]);
  });

  it("cuts the connection and reports the error when the source fails mid-file", async () => {
    const outcomes: CsvOutcome[] = [];
    const errors: unknown[] = [];
    const app = appStreaming(async function* () {
      yield ["a", "1"];
      throw new Error("source failed");
    }, outcomes);
    app.use((err: unknown, _req: express.Request, _res: express.Response, _next: express.NextFunction) =>
      errors.push(err),
    );
    await expect(request(app).get("/file.csv")).rejects.toThrow();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ rows: 1, completed: false });
    expect((errors[0] as Error).message).toBe("source failed");
  });

  it("stops pulling rows and closes the source when the client goes away", async () => {
    const outcomes: CsvOutcome[] = [];
    let pulled = 0;
    let closed = false;
    const app = appStreaming(async function* () {
      try {
        for (;;) {
          pulled += 1;
          yield [`row ${pulled} ${"x".repeat(200)}`, String(pulled)];
        }
      } finally {
        closed = true;
      }
    }, outcomes);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => {
        const req = http.get({ host: "127.0.0.1", port, path: "/file.csv" }, (res) => {
          res.once("data", () => {
            req.destroy();
            resolve();
          });
        });
        req.on("error", () => undefined);
      });
      for (let i = 0; i < 100 && !outcomes.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(closed).toBe(true);
      expect(outcomes[0]).toMatchObject({ completed: false });
      expect(outcomes[0]!.rows).toBeGreaterThan(0);
      expect(outcomes[0]!.rows).toBeLessThanOrEqual(pulled);
      expect((outcomes[0]!.error as { code?: string }).code).toBe("ERR_STREAM_PREMATURE_CLOSE");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
