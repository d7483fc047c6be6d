// What other modules may import from auth.
export { attemptSucceeded, beginAttempt, throttleKeys } from "./throttle.js";
export { requirePermission } from "./current-admin.js";
export { can } from "./permissions.js";
