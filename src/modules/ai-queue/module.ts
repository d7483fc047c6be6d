import { defineModule } from "../../module.js";
import { aiQueueLocale } from "./locale.js";

export const aiQueueModule = defineModule({
  name: "ai-queue",
  locale: aiQueueLocale,
});
