// What other modules may import from settings.
export { readSetting, type SettingKey, type SettingValue } from "./values.js";
