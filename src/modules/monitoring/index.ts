// What other modules may import from monitoring.
export { siteSurveillanceAction } from "./uptime/site-action.js";
