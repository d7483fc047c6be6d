// What other modules may use of the templates module.
export { activeVersionOf } from "./versions/index.js";
export { compareVariants } from "./ab/rules/stats.js";
