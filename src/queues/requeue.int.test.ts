// requeueJob against a real Redis: a job of the same id that completed or failed is replaced, one that
// will still run is left alone.
import { Queue, Worker } from "bullmq";
import { redisConnection } from "./queues.js";
import { requeueJob } from "./requeue.js";

const connection = redisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const prefix = process.env.QUEUE_PREFIX ?? "locod:requeue-test";
const QUEUE = "requeue-test";

let queue: Queue;
let worker: Worker;

beforeAll(async () => {
  queue = new Queue(QUEUE, { connection, prefix });
  // Not running: the test takes each job and settles it by hand, so nothing depends on timing.
  worker = new Worker(QUEUE, null, { connection, prefix, autorun: false });
  await worker.waitUntilReady();
});

afterAll(async () => {
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
});

/** Takes the next waiting job and completes or fails it. */
async function settleNext(outcome: "completed" | "failed") {
  const token = `token-${outcome}`;
  const job = await worker.getNextJob(token);
  if (!job) throw new Error("no job waiting");
  if (outcome === "completed") await job.moveToCompleted("done", token, false);
  else await job.moveToFailed(new Error("broken"), token, false);
  return job;
}

describe("requeueJob", () => {
  it("adds a job whose id is unknown", async () => {
    expect(await requeueJob(queue, "work", { n: 1 }, { jobId: "fresh-1" })).toBe("added");
    expect(await (await queue.getJob("fresh-1"))?.getState()).toBe("waiting");
    await settleNext("completed");
  });

  it("leaves a waiting job of the same id as it is", async () => {
    await queue.add("work", { n: 1 }, { jobId: "waiting-1" });
    expect(await requeueJob(queue, "work", { n: 2 }, { jobId: "waiting-1" })).toBe("pending");
    const job = await queue.getJob("waiting-1");
    expect(job?.data).toEqual({ n: 1 });
    expect(await queue.getWaitingCount()).toBe(1);
    await settleNext("completed");
  });

  it("replaces a completed job of the same id, which a plain add would drop", async () => {
    await queue.add("work", { n: 1 }, { jobId: "done-1" });
    await settleNext("completed");
    expect(await (await queue.getJob("done-1"))?.getState()).toBe("completed");
    await queue.add("work", { n: 2 }, { jobId: "done-1" });
    expect(await (await queue.getJob("done-1"))?.getState()).toBe("completed");

    expect(await requeueJob(queue, "work", { n: 3 }, { jobId: "done-1" })).toBe("replaced");
    const job = await queue.getJob("done-1");
    expect(await job?.getState()).toBe("waiting");
    expect(job?.data).toEqual({ n: 3 });
    await settleNext("completed");
  });

  it("replaces a failed job of the same id", async () => {
    await queue.add("work", { n: 1 }, { jobId: "failed-1", attempts: 1 });
    await settleNext("failed");
    expect(await (await queue.getJob("failed-1"))?.getState()).toBe("failed");
    expect(await requeueJob(queue, "work", { n: 2 }, { jobId: "failed-1", attempts: 1 })).toBe("replaced");
    expect(await (await queue.getJob("failed-1"))?.getState()).toBe("waiting");
    await settleNext("completed");
  });
});
