import { defineModule } from "../../module.js";
import { AUTH_OPERATIONS, authRoutes } from "./routes.js";

export const authModule = defineModule({
  name: "auth",
  // The login needs no token; logout and me check theirs themselves.
  publicApi: { routes: authRoutes, operations: AUTH_OPERATIONS },
});
