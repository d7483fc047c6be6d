// What customer sites send to /ab/assign and /ab/events, checked before anything is counted: every
// refusal names its field.
import { z } from "zod";

/** A visitor's or an event's id: the site's own (a first-party cookie's UUID); no personal data. */
const ID = /^[A-Za-z0-9_.:-]+$/;
/** A conversion goal's name, as the test's `goal` names it: a key, without spaces ("signup", "quote_request"). */
export const GOAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;

const testId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
const visitor = z.string().min(1).max(64).regex(ID, "letters, digits and _ . : - only");

export const ZAbAssignQuery = z
  .object({
    test: testId.describe("the A/B test's id"),
    visitor: visitor.describe(
      "the visitor's stable id (a first-party cookie); the same id always gets the same variant",
    ),
  })
  .strict();

export const ZAbEvent = z
  .object({
    test: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .describe("the A/B test's id"),
    visitor: visitor.describe("the visitor's id, as sent to /ab/assign"),
    eventId: z
      .string()
      .min(1)
      .max(64)
      .regex(ID, "letters, digits and _ . : - only")
      .describe("the event's own id (a UUID): a second event with the same id is ignored, so retries are safe"),
    type: z
      .enum(["exposure", "conversion"])
      .describe("exposure: the visitor saw its variant; conversion: it reached a goal"),
    goal: z
      .string()
      .min(1)
      .max(64)
      .regex(GOAL_NAME, "letters, digits, spaces and _ . : / - only")
      .optional()
      .describe("the goal reached (type conversion)"),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.type === "conversion" && !event.goal)
      ctx.addIssue({ code: "custom", path: ["goal"], message: "required for a conversion" });
    if (event.type === "exposure" && event.goal !== undefined)
      ctx.addIssue({ code: "custom", path: ["goal"], message: "only for a conversion" });
  });

export type AbEvent = z.infer<typeof ZAbEvent>;
