// REST /admin/api/v1/templates/tests/{id}/start|stop|cancel|winner (templates.test) and /report
// (templates.view): the same use cases as the AdminJS actions of template_ab_tests.
import { Router } from "express";
import { z } from "zod";
import type { PrismaClient } from "@prisma/client";
import type { ApiOperation } from "../../../http/openapi.js";
import { asyncRoute, requireApiPermission } from "../../../http/bearer-auth.js";
import { parseBody, parseId } from "../../../http/params.js";
import { AppError } from "../../../lib/errors.js";
import { cancelAbTest, startAbTest, stopAbTest } from "./lifecycle.js";
import { declareWinner, ZDeclareWinner } from "./declare-winner.js";
import { abReport } from "./report.js";

export const AB_TESTS_PATH = "/templates/tests";

export function abTestRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  const id = (raw: string | undefined) => parseId(raw, "A/B test");
  router.post(
    `${AB_TESTS_PATH}/:id/start`,
    asyncRoute(async (req, res) => {
      res.json(await startAbTest(deps.prisma, id(req.params.id)));
    }),
  );
  router.post(
    `${AB_TESTS_PATH}/:id/stop`,
    asyncRoute(async (req, res) => {
      res.json(await stopAbTest(deps.prisma, id(req.params.id)));
    }),
  );
  router.post(
    `${AB_TESTS_PATH}/:id/cancel`,
    asyncRoute(async (req, res) => {
      res.json(await cancelAbTest(deps.prisma, id(req.params.id)));
    }),
  );
  router.post(
    `${AB_TESTS_PATH}/:id/winner`,
    asyncRoute(async (req, res) => {
      const testId = id(req.params.id);
      res.json(await declareWinner(deps.prisma, testId, parseBody(ZDeclareWinner, req.body)));
    }),
  );
  router.get(
    `${AB_TESTS_PATH}/:id/report`,
    requireApiPermission("templates", "view"),
    asyncRoute(async (req, res) => {
      const testId = id(req.params.id);
      const report = await abReport(deps.prisma, testId);
      if (!report) throw new AppError("not_found", `A/B test #${testId} does not exist`);
      res.json(report);
    }),
  );
  return router;
}

const rate = z.number().min(0).max(1);
const count = z.number().int().min(0);
const interval = z.object({ low: z.number(), high: z.number() });
const variantRate = z.object({ visitors: count, conversions: count, rate, variance: z.number() });
const side = z.object({
  variant: z.enum(["A", "B"]),
  template: z.object({ id: z.number().int(), name: z.string() }),
  version: z.object({ id: z.number().int(), version: z.string() }).nullable(),
  visitors: count,
  conversions: count,
  rate,
});
export const ZAbReport = z
  .object({
    test: z.object({
      id: z.number().int(),
      name: z.string(),
      status: z.enum(["draft", "running", "completed", "cancelled"]),
      goal: z.string(),
      trafficSplit: z.number().int().describe("percentage of visitors sent to B"),
      startedAt: z.iso.datetime().nullable(),
      endedAt: z.iso.datetime().nullable(),
      winner: z.enum(["A", "B"]).nullable(),
      overrideReason: z.string().nullable(),
      rolledUpAt: z.iso.datetime().nullable().describe("the figures include the events received until then"),
    }),
    variants: z.array(side),
    series: z.array(
      z
        .object({ day: z.iso.date(), visitorsA: count, visitorsB: count, rateA: rate, rateB: rate })
        .describe("cumulative"),
    ),
    comparison: z
      .object({
        a: variantRate,
        b: variantRate,
        absoluteLift: z.number(),
        absoluteInterval: interval,
        relativeLift: z.number().nullable(),
        relativeInterval: interval.nullable(),
        t: z.number(),
        df: z.number(),
        pValue: z.number().nullable(),
        confidence: z.number(),
      })
      .nullable()
      .describe("null below 2 visitors per variant; Welch's t-test, delta method for the relative interval"),
    srm: z.object({ expectedB: z.number(), chiSquared: z.number(), pValue: z.number(), mismatch: z.boolean() }),
    planned: z.object({ perVariant: count, baselineRate: rate, minimumEffect: z.number(), power: rate }),
    peeking: z.boolean(),
    settings: z.object({ minConversions: count, alpha: rate, power: rate, srmThreshold: rate }),
    guards: z.array(z.enum(["min_conversions", "sample_ratio_mismatch", "below_planned_size", "not_significant"])),
    otherGoals: z.array(z.object({ goal: z.string(), conversionsA: count, conversionsB: count })),
  })
  .meta({ description: "From the daily rollups (every 10 minutes while running, and at the stop)" });

const transition = (
  path: string,
  summary: string,
  conflict: string,
  extra: Partial<ApiOperation> = {},
): ApiOperation => ({
  method: "post",
  path: `${AB_TESTS_PATH}/{id}/${path}`,
  tag: "templates",
  summary,
  permission: "templates.test",
  idType: "integer",
  responses: {
    200: { description: "The A/B test", record: "TemplateAbTest" },
    404: { description: "No such A/B test" },
    409: { description: conflict },
    ...(extra.responses ?? {}),
  },
  ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "responses")),
});

export const AB_TEST_OPERATIONS: ApiOperation[] = [
  transition(
    "start",
    "Starts a draft A/B test: its visitors are assigned from now on",
    "Not a draft, or another test of the two templates is running",
    {
      responses: { 400: { description: "`versionAId` or `versionBId` is missing or not a version of its template" } },
    },
  ),
  transition(
    "stop",
    "Stops a running A/B test (completed), rolling its events up one last time",
    "The test is not running",
  ),
  transition(
    "cancel",
    "Cancels a draft or running A/B test, without a verdict",
    "The test is already completed or cancelled",
  ),
  transition(
    "winner",
    "Declares the winner of a running or completed A/B test and activates its template version",
    "The test already has a winner, or is a draft or cancelled",
    {
      body: { name: "DeclareWinner", schema: ZDeclareWinner },
      example: { variant: "B", overrideReason: "Stopped early: the brand refresh ships B whatever the result" },
      description:
        "Refused (400 naming `overrideReason`) while a guard holds: fewer conversions than the minimum per variant, a " +
        "sample ratio mismatch, below the planned sample size, or not significant; a reason overrides the guards and is audited.",
      responses: { 400: { description: "A guard holds and no override reason was given, or the body is invalid" } },
    },
  ),
  {
    method: "get",
    path: `${AB_TESTS_PATH}/{id}/report`,
    tag: "templates",
    summary: "An A/B test's report: variants, conversion over time, lift with its 95% interval, p-value, SRM, guards",
    permission: "templates.view",
    idType: "integer",
    responses: {
      200: { description: "The report", schema: { name: "AbReport", schema: ZAbReport } },
      404: { description: "No such A/B test" },
    },
  },
];
