// The A/B tests' events and daily rollups, read-only everywhere: /ab/events writes the events, the
// rollup the daily rows. Visitor ids stay on the server (a pseudonymous id is still personal data); a
// search looks in the event id (events) or the goal (daily rows), text columns.
import { defineTable } from "../../../db/table-spec.js";

const READ_ONLY = { new: null, edit: null, delete: null, bulkDelete: null } as const;

export const templateAbEventTable = defineTable({
  model: "TemplateAbEvent",
  module: "templates",
  actions: READ_ONLY,
  writable: {},
  secrets: ["visitorId"],
  list: ["id", "test", "occurredAt", "variant", "kind", "goal"],
  title: ["test.name", "eventId"],
  filters: ["test", "variant", "kind", "goal", "occurredAt"],
  order: { by: "id", direction: "desc" },
});

export const templateAbDailyTable = defineTable({
  model: "TemplateAbDaily",
  module: "templates",
  actions: READ_ONLY,
  writable: {},
  list: ["id", "test", "day", "variant", "kind", "goal", "visitors"],
  title: ["test.name", "goal"],
  filters: ["test", "day", "variant", "kind", "goal"],
  order: { by: "day", direction: "desc" },
});

export const abTables = [templateAbDailyTable, templateAbEventTable];
