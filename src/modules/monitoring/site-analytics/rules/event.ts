// What the /collect script sends, checked before anything is counted: every refusal names its field.
import { z } from "zod";
import { VITAL_MAX, WEB_VITALS } from "./vitals.js";

/** A conversion goal's name: what a site developer types in `locod("Signup")`. */
const GOAL_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.:/-]*$/u;

export const ZCollectEvent = z
  .object({
    type: z.enum(["pageview", "goal", "vital"]).default("pageview").describe("what happened; pageview by default"),
    url: z
      .string()
      .max(2048)
      .refine((text) => /^https?:\/\//i.test(text) && URL.canParse(text), "must be an http(s) URL")
      .describe("the page's URL (location.href); its host names the site unless `domain` is given"),
    referrer: z.string().max(2048).nullish().describe("document.referrer; only its host is kept"),
    domain: z
      .string()
      .max(253)
      .regex(/^[a-z0-9.-]+$/i, "must be a host name")
      .optional()
      .describe("the site's domain as registered (the script's data-domain), for pages served under another host"),
    goal: z
      .string()
      .min(1)
      .max(100)
      .regex(GOAL_NAME, "letters, digits, spaces and _ . : / - only")
      .optional()
      .describe("the conversion goal's name (type goal)"),
    metric: z.enum(WEB_VITALS).optional().describe("the Web Vital measured (type vital)"),
    value: z.number().finite().min(0).optional().describe("the measure: LCP and INP in ms, CLS a score (type vital)"),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.type === "goal" && !event.goal)
      ctx.addIssue({ code: "custom", path: ["goal"], message: "required for a goal" });
    if (event.type !== "goal" && event.goal !== undefined)
      ctx.addIssue({ code: "custom", path: ["goal"], message: "only for a goal" });
    if (event.type === "vital") {
      if (!event.metric) ctx.addIssue({ code: "custom", path: ["metric"], message: "required for a vital" });
      if (event.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: "required for a vital" });
      else if (event.metric && event.value > VITAL_MAX[event.metric])
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: `at most ${VITAL_MAX[event.metric]} for ${event.metric}`,
        });
    } else {
      if (event.metric !== undefined) ctx.addIssue({ code: "custom", path: ["metric"], message: "only for a vital" });
      if (event.value !== undefined) ctx.addIssue({ code: "custom", path: ["value"], message: "only for a vital" });
    }
  })
  .meta({ description: "One event of a customer site's visitor (sent by /collect.js)" });

export type CollectEvent = z.output<typeof ZCollectEvent>;
