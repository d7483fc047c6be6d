// What other modules may use of the monitoring module.
export { ensureSiteMonitors, goesLive, type SiteFacts } from "./checks/site-monitors.js";
export { siteAudienceAction } from "./site-analytics/action.js";
export { siteSurveillanceAction } from "./uptime/site-action.js";
