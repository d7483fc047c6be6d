import { defineModule } from "../../module.js";
import { customersResources } from "./resource.js";

export const customersModule = defineModule({
  name: "customers",
  navigation: { name: ["Clients", "Customers"], icon: "Users" },
  resources: customersResources,
});
