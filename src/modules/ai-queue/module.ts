import { defineModule } from "../../module.js";
import { aiQueueTables } from "./tables.js";

export const aiQueueModule = defineModule({
  name: "ai-queue",
  tables: aiQueueTables,
});
