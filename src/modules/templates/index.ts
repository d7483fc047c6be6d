// What other modules may use of the templates module.
export { activeVersionOf } from "./versions/index.js";
