// The list and search parameters of AdminJS's API, checked against the table spec's allow-lists
// (src/db/list-query.ts) before AdminJS runs the query: an unknown or secret filter, sort or search
// property, or a bad value, answers 400 problem+json naming the parameter.
import type { NextFunction, Request, Response } from "express";
import {
  checkListQuery,
  dropEmptyFilters,
  listQueryRules,
  recordIdsProblem,
  type ListQueryRules,
} from "../db/list-query.js";
import { sendProblem } from "../http/errors.js";
import { AppError } from "../lib/errors.js";
import type { KitPrismaResource } from "./resource-kit.js";

const RULES = new WeakMap<KitPrismaResource, ListQueryRules>();

function rulesOf(resource: KitPrismaResource): ListQueryRules {
  let rules = RULES.get(resource);
  if (!rules) RULES.set(resource, (rules = listQueryRules(resource.described)));
  return rules;
}

/** The name of the property a resource's search looks in by default (its title), when AdminJS knows it. */
function titleOf(resource: KitPrismaResource): string | undefined {
  try {
    return resource.decorate().titleProperty().name();
  } catch {
    return undefined;
  }
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
  if (action === "bulkDelete" || /^\/resources\/[^/]+\/bulk\//.test(req.path)) {
    const problem = recordIdsProblem(resource.described.idColumn, req.query.recordIds);
    if (!problem) return next();
    return sendProblem(
      res,
      new AppError("validation", `recordIds: ${problem}`, [{ field: "recordIds", message: problem }]),
    );
  }
  if (action !== "list" && action !== "search") return next();
  dropEmptyFilters(req.query as Record<string, unknown>);
  const search = action === "search" ? searchText(req.path) : undefined;
  const errors = checkListQuery(rulesOf(resource), req.query, search, titleOf(resource));
  if (!errors.length) return next();
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  sendProblem(res, new AppError("validation", detail, errors));
}
