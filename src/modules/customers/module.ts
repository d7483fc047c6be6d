import { defineModule } from "../../module.js";
import { customersResources } from "./resource.js";
import { customersLocale } from "./locale.js";

export const customersModule = defineModule({
  name: "customers",
  locale: customersLocale,
  navigation: { name: ["Clients", "Customers"], icon: "Users" },
  resources: customersResources,
});
