import { defineTable } from "../../db/table-spec.js";

export const templateTable = defineTable({
  model: "Template",
  module: "templates",
  writable: {
    name: {},
    category: {},
    configTemplate: { json: "object" },
    status: {},
  },
  list: ["id", "name", "category", "status", "createdAt"],
  title: ["name"],
  related: [{ table: "template_versions", via: "templateId" }],
  filters: ["name", "category", "status", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const templateVersionTable = defineTable({
  model: "TemplateVersion",
  author: "createdBy",
  module: "templates",
  writable: {
    templateId: {},
    // Semantic version, as the CHECK template_versions_version_semver_check: 1.2.0, 1.2.0-beta.
    version: {
      pattern:
        "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$",
    },
    configData: { json: "object" },
    changelog: { text: true },
  },
  // Activation and rollback (versions/activate-version.ts) keep exactly one active version per template.
  workflow: ["isActive", "activatedAt", "activatedBy", "previousVersionId"],
  list: ["id", "template", "version", "isActive", "author", "createdAt"],
  title: ["template.name", "version"],
  filters: ["template", "version", "isActive", "author", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const templateAbTestTable = defineTable({
  model: "TemplateAbTest",
  author: "createdBy",
  module: "templates",
  writable: {
    name: {},
    templateAId: {},
    templateBId: {},
    trafficSplit: { min: 0, max: 100 },
    startDate: {},
    endDate: {},
    status: {},
  },
  list: ["id", "name", "templateA", "templateB", "trafficSplit", "status", "startDate", "endDate"],
  title: ["name"],
  filters: ["name", "templateA", "templateB", "status", "startDate", "endDate", "author", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
  constraints: {
    template_ab_tests_distinct_templates_check: {
      field: "templateBId",
      message: "abTestSameTemplate",
      text: "must be a template other than A",
    },
    template_ab_tests_dates_check: {
      field: "endDate",
      message: "endBeforeStart",
      text: "the end comes before the start",
    },
  },
});

/** The tables of the module, in menu order. */
export const templatesTables = [templateTable, templateVersionTable, templateAbTestTable];
