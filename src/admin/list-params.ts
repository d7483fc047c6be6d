// The list and search parameters of AdminJS's API, checked against the table spec's allow-lists
// (src/db/list-query.ts) before AdminJS runs the query: an unknown or secret filter, sort or search
// property, or a bad value, answers 400 problem+json naming the parameter.
import type { NextFunction, Request, Response } from "express";
import { checkListQuery, listQueryRules, type ListQueryRules } from "../db/list-query.js";
import { sendProblem } from "../http/errors.js";
import { AppError } from "../lib/errors.js";
import type { KitPrismaResource } from "./resource-kit.js";

const RULES = new WeakMap<KitPrismaResource, ListQueryRules>();

function rulesOf(resource: KitPrismaResource): ListQueryRules {
  let rules = RULES.get(resource);
  if (!rules) RULES.set(resource, (rules = listQueryRules(resource.described)));
  return rules;
}

/** The search text of /resources/<id>/search/<text>, decoded, or undefined for any other path. */
function searchText(path: string): string | undefined {
  const match = /^\/resources\/[^/]+\/(?:actions\/)?search\/(.*)$/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return "\u0000";
  }
}

/** Mounted by the action guard: passes a list or search whose parameters the table allows, else 400. */
export function checkAdminListRequest(
  resource: KitPrismaResource,
  action: string,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (action !== "list" && action !== "search") return next();
  const errors = checkListQuery(rulesOf(resource), req.query, action === "search" ? searchText(req.path) : undefined);
  if (!errors.length) return next();
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  sendProblem(res, new AppError("validation", detail, errors));
}
