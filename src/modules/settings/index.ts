// What other modules may import from settings.
export { readSetting, type SettingValue } from "./values.js";
