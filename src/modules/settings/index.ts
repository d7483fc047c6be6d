// What other modules may import from settings.
export { readSetting } from "./values.js";
