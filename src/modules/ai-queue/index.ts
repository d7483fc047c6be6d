// What other modules may import from ai-queue.
export { aiQueueCounts, type AiQueueCounts } from "./counts.js";
