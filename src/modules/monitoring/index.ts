// What other modules may use of monitoring.
export { siteAudienceAction } from "./site-analytics/action.js";
