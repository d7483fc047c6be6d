// AdminJS navigation groups: one per module of the spec, in the spec's order (DESIGN.md 3).
export const NAVIGATION = {
  aiQueue: { name: "Queue IA", icon: "Cpu" },
  customers: { name: "Clients", icon: "Users" },
  billing: { name: "Facturation", icon: "CreditCard" },
  sites: { name: "Sites", icon: "Globe" },
  templates: { name: "Templates", icon: "Layout" },
  monitoring: { name: "Monitoring", icon: "Activity" },
  analytics: { name: "Analytics", icon: "BarChart2" },
  campaigns: { name: "Marketing", icon: "Send" },
  settings: { name: "Paramètres", icon: "Settings" },
} as const;
