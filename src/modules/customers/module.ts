import { defineModule } from "../../module.js";
import { customersResources } from "./resource.js";
import { customersLocale } from "./locale.js";
import { customersTables } from "./tables.js";

export const customersModule = defineModule({
  name: "customers",
  tables: customersTables,
  locale: customersLocale,
  navigation: { name: ["Clients", "Customers"], icon: "Users" },
  resources: customersResources,
});
