import { batchWriter } from "./batch-writer.js";

/** A write that records its batches and can be made to fail. */
function recorder(fail = false) {
  const batches: number[][] = [];
  const write = (rows: number[]) => {
    batches.push(rows);
    return fail ? Promise.reject(new Error("down")) : Promise.resolve();
  };
  return { batches, write };
}

describe("batchWriter", () => {
  it("should write at once when maxRows are waiting, in one batch", async () => {
    const { batches, write } = recorder();
    const writer = batchWriter(write, () => {}, { maxRows: 3, maxWaitMs: 60_000 });
    [1, 2, 3, 4].forEach((n) => writer.push(n));
    expect(batches).toEqual([[1, 2, 3]]);
    await writer.flush();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("should write what waits after maxWaitMs without a flush", async () => {
    const { batches, write } = recorder();
    const writer = batchWriter(write, () => {}, { maxRows: 100, maxWaitMs: 1 });
    writer.push(1);
    writer.push(2);
    expect(batches).toEqual([]);
    await new Promise<void>((resolve) => {
      const poll = () => (batches.length ? resolve() : setImmediate(poll));
      poll();
    });
    expect(batches).toEqual([[1, 2]]);
  });

  it("should report a failed batch with the rows it lost, and go on", async () => {
    const lost: number[] = [];
    const { batches, write } = recorder(true);
    const writer = batchWriter(write, (err, n) => lost.push(n), { maxRows: 2 });
    [1, 2, 3].forEach((n) => writer.push(n));
    await writer.flush();
    expect(batches).toEqual([[1, 2], [3]]);
    expect(lost).toEqual([2, 1]);
  });

  it("should not write an empty batch", async () => {
    const { batches, write } = recorder();
    await batchWriter(write, () => {}).flush();
    expect(batches).toEqual([]);
  });
});
