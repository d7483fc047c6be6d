import { defineModule } from "../../module.js";

export const aiQueueModule = defineModule({
  name: "ai-queue",
});
