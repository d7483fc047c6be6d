// Customer variables in campaign content: Liquid (liquidjs), strict. An unknown variable or filter is an
// error when the campaign is saved, not a blank in a customer's e-mail; Liquid runs no code of the
// template's author (no JavaScript, no file includes: the engine has no file system roots).
import { Liquid } from "liquidjs";

/** What a campaign e-mail may name: {{ customer.name }}, {{ customer.email }}, {{ customer.plan }}. */
export interface CampaignVariables {
  customer: { name: string; email: string; plan: string; language: string };
  /** The customer's one-click unsubscribe page. */
  unsubscribe_url: string;
}

export const SAMPLE_VARIABLES: CampaignVariables = {
  customer: { name: "Camille Martin", email: "camille@example.com", plan: "pro", language: "fr" },
  unsubscribe_url: "https://example.com/t/u/sample",
};

export const liquid = new Liquid({
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  // No {% include %} or {% render %} of files: templates come from the database only.
  relativeReference: false,
  root: [],
  partials: [],
  layouts: [],
  cache: false,
});

/** A Liquid error in one field, as a sentence for the admin. */
export interface ContentProblem {
  field: string;
  message: string;
}

/** Parses and renders `source` with sample variables: the problem, or null when it is valid. */
export function checkLiquid(field: string, source: string): ContentProblem | null {
  try {
    const parsed = liquid.parse(source);
    liquid.renderSync(parsed, SAMPLE_VARIABLES);
    return null;
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "invalid template";
    return { field, message };
  }
}

/** A parsed template, rendered once per recipient. */
export type ParsedTemplate = ReturnType<Liquid["parse"]>;

export function parseLiquid(source: string): ParsedTemplate {
  return liquid.parse(source);
}

export function renderLiquid(template: ParsedTemplate, variables: CampaignVariables): string {
  return liquid.renderSync(template, variables) as string;
}
