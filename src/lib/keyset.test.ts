import { AppError } from "./errors.js";
import { afterCursor, decodeCursor, encodeCursor } from "./keyset.js";

const refusal = (fn: () => unknown): AppError | undefined => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  return undefined;
};

describe("keyset cursor", () => {
  const at = new Date("2026-10-15T08:30:00.000Z");

  it("gives back the ordering values and the id it was made of", () => {
    const cursor = encodeCursor([3, at, 42]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ["int", "date", "int"] as const)).toEqual([3, at, 42]);
    expect(decodeCursor(encodeCursor(["LCD-2026-000001", 7]), ["string", "int"])).toEqual(["LCD-2026-000001", 7]);
  });

  it("is base64url of a JSON array, dates as ISO strings", () => {
    expect(JSON.parse(Buffer.from(encodeCursor([at, 5]), "base64url").toString("utf8"))).toEqual([
      "2026-10-15T08:30:00.000Z",
      5,
    ]);
  });

  it.each([
    ["not base64 JSON", "zzz"],
    ["garbage", "garbage"],
    ["not an array", Buffer.from('{"a":1}').toString("base64url")],
    ["too few values", encodeCursor([at])],
    ["too many values", encodeCursor([at, 1, 2])],
    ["a string for an int", encodeCursor([at, "1"])],
    ["a fraction for an int", encodeCursor([at, 1.5])],
    ["an invalid date", encodeCursor(["yesterday", 1])],
    ["a number for a date", encodeCursor([1, 1])],
  ])("refuses %s with a 400 naming cursor", (_what, cursor) => {
    const err = refusal(() => decodeCursor(cursor, ["date", "int"]));
    expect(err).toBeInstanceOf(AppError);
    expect(err!.status).toBe(400);
    expect(err!.errors?.map((e) => e.field)).toEqual(["cursor"]);
  });
});

describe("afterCursor", () => {
  it("builds the rows after the values in ascending order", () => {
    expect(afterCursor(["priority", "createdAt", "id"], [3, "t", 42])).toEqual({
      OR: [
        { priority: { gt: 3 } },
        { priority: 3, createdAt: { gt: "t" } },
        { priority: 3, createdAt: "t", id: { gt: 42 } },
      ],
    });
  });

  it("uses < in descending order, and no OR for one column", () => {
    expect(afterCursor(["createdAt", "id"], ["t", 9], "desc")).toEqual({
      OR: [{ createdAt: { lt: "t" } }, { createdAt: "t", id: { lt: 9 } }],
    });
    expect(afterCursor(["id"], [9], "desc")).toEqual({ id: { lt: 9 } });
  });
});
