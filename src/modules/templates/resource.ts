import type { ResourceFactory } from "../../admin/resource-kit.js";

export const templatesResources: ResourceFactory = (kit) => [
  kit.resource(
    "Template",
    {
      listProperties: ["id", "name", "category", "status", "createdAt"],
      filterProperties: ["name", "category", "status", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
        configTemplate: kit.json("object"),
      },
    },
    { access: { module: "templates" } },
  ),
  kit.resource(
    "TemplateVersion",
    {
      listProperties: ["id", "template", "version", "isActive", "author", "createdAt"],
      filterProperties: ["template", "version", "isActive", "author", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        version: { isTitle: true, custom: { pattern: "^\\d+\\.\\d+\\.\\d+$" }, props: { placeholder: "1.0.0" } },
        configData: kit.json("object"),
        changelog: kit.text(),
      },
    },
    { access: { module: "templates" }, author: "author" },
  ),
  kit.resource(
    "TemplateAbTest",
    {
      listProperties: ["id", "name", "templateA", "templateB", "trafficSplit", "status", "startDate", "endDate"],
      filterProperties: ["name", "templateA", "templateB", "status", "startDate", "endDate", "author", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
        // CHECK (traffic_split BETWEEN 0 AND 100): percentage of traffic sent to template B.
        trafficSplit: kit.int({ min: 0, max: 100 }),
        startDate: kit.date(),
        endDate: kit.date(),
      },
    },
    {
      access: { module: "templates" },
      author: "author",
      constraints: {
        template_ab_tests_distinct_templates_check: { path: "templateB", message: "abTestSameTemplate" },
        template_ab_tests_dates_check: { path: "endDate", message: "endBeforeStart" },
      },
    },
  ),
];
