// A direct e-mail from a reusable template (issue 17, item 4): the customer's language picks the French
// or English subject and body, and liquid fills the variables. Liquid (liquidjs) only reads the values
// given: a template cannot reach the server, and an unknown variable is refused rather than left blank.
import { Liquid } from "liquidjs";
import type { Language } from "@prisma/client";

const liquid = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true });

export interface DirectEmailTemplate {
  subjectFr: string;
  bodyFr: string;
  subjectEn: string;
  bodyEn: string;
}

/** What a template's variables may name. */
export interface DirectEmailVariables {
  customer: { name: string; email: string; plan: string };
  admin: { name: string; email: string };
}

export class TemplateRenderError extends Error {
  constructor(
    readonly field: "subject" | "body",
    message: string,
  ) {
    super(message);
  }
}

async function renderOne(field: "subject" | "body", text: string, variables: DirectEmailVariables): Promise<string> {
  try {
    return await liquid.parseAndRender(text, variables);
  } catch (err) {
    throw new TemplateRenderError(field, (err as Error).message.split("\n")[0] ?? "invalid template");
  }
}

export async function renderDirectEmail(
  template: DirectEmailTemplate,
  language: Language,
  variables: DirectEmailVariables,
): Promise<{ subject: string; body: string }> {
  const [subject, body] =
    language === "en" ? [template.subjectEn, template.bodyEn] : [template.subjectFr, template.bodyFr];
  return {
    subject: (await renderOne("subject", subject, variables)).replace(/\s+/g, " ").trim(),
    body: await renderOne("body", body, variables),
  };
}
