import { defineTable } from "../../../db/table-spec.js";
import { segmentWrites } from "./saved.js";

export const segmentTable = defineTable({
  model: "Segment",
  module: "campaigns",
  author: "createdBy",
  actions: { new: "create", edit: "create", delete: "delete" },
  writable: {
    name: { maxLength: 200 },
    description: { text: true, maxLength: 2000 },
    criteria: { json: "object" },
  },
  writes: segmentWrites,
  list: ["id", "name", "description", "author", "updatedAt"],
  title: ["name"],
  filters: ["name", "author", "createdAt", "updatedAt"],
  order: { by: "name", direction: "asc" },
});
