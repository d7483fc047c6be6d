import { defineModule } from "../../module.js";
import { customersResources } from "./resource.js";
import { customersLocale } from "./locale.js";
import { customersTables } from "./tables.js";
import { customersTimeline } from "./timeline.js";
import { CUSTOMER_OPERATIONS, customerRoutes } from "./routes.js";
import { customerEmailRenderers } from "./emails.js";

export const customersModule = defineModule({
  name: "customers",
  // Its events in a customer's story: signup, notes, tasks, direct e-mails (the 360 page merges all modules').
  customerTimeline: customersTimeline,
  tables: customersTables,
  locale: customersLocale,
  navigation: { name: ["Clients", "Customers"], icon: "Users" },
  resources: customersResources,
  // The list of what matters, its CSV export, the 360 view, notes, tasks and direct e-mails.
  api: [{ routes: customerRoutes, operations: CUSTOMER_OPERATIONS }],
  emailRenderers: customerEmailRenderers,
});
