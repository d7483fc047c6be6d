import { defineTable } from "../../db/table-spec.js";
import { abTables } from "./ab/tables.js";

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
  actions: {
    // ab/resource.ts; the report reads, the rest is the test's workflow (ab/lifecycle.ts, ab/declare-winner.ts).
    report: "view",
    start: "test",
    stop: "test",
    cancel: "test",
  },
  // A started test keeps its design (trigger template_ab_tests_design_frozen): only a draft's is edited.
  writable: {
    name: {},
    templateAId: {},
    templateBId: {},
    versionAId: {},
    versionBId: {},
    trafficSplit: { min: 0, max: 100 },
    goal: { maxLength: 64, pattern: "^[A-Za-z0-9][A-Za-z0-9_.:/-]*$" },
    baselineRate: {},
    minimumEffect: {},
  },
  workflow: ["status", "startDate", "endDate", "startedAt", "endedAt", "winner", "overrideReason", "rolledUpAt"],
  list: ["id", "name", "templateA", "templateB", "trafficSplit", "status", "winner", "startDate", "endDate"],
  title: ["name"],
  related: [{ table: "template_ab_daily", via: "testId", limit: 10 }],
  filters: ["name", "templateA", "templateB", "status", "winner", "startDate", "endDate", "author", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
  constraints: {
    template_ab_tests_distinct_templates_check: {
      field: "templateBId",
      message: "abTestSameTemplate",
      text: "must be a template other than A",
    },
    template_ab_tests_effect_within_check: {
      field: "minimumEffect",
      message: "abEffectWithin",
      text: "the expected rate of B (baseline x (1 + effect)) must stay under 100%",
    },
    template_ab_tests_winner_check: {
      field: "status",
      message: "abWinnerCompleted",
      text: "only a completed test has a winner",
    },
    template_ab_tests_dates_check: {
      field: "endDate",
      message: "endBeforeStart",
      text: "the end comes before the start",
    },
  },
});

/** The tables of the module, in menu order. */
export const templatesTables = [templateTable, templateVersionTable, templateAbTestTable, ...abTables];
