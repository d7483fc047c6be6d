// Which module renders a recorded e-mail: each module declares the email_log templates it owns and
// their renderers (ModuleDefinition.emailRenderers); the outbox's send job looks the row's template up
// here. The lib names no module: the job registry collects the renderers from the module list.
import type { Language, PrismaClient } from "@prisma/client";

/** A reply in a thread: its own Message-ID and those it answers (RFC 5322 3.6.4). */
export interface ThreadHeaders {
  messageId?: string;
  inReplyTo?: string;
  references?: string;
}

/**
 * Renders one recorded e-mail from the data as it is when the e-mail leaves; `reason` when it must
 * not be sent (retrying cannot help: what it was about is gone or settled).
 */
export type EmailLogRenderer = (
  prisma: PrismaClient,
  row: { id: number; template: string; language: Language },
) => Promise<({ text: string; html: string } & ThreadHeaders) | { reason: string }>;

/** email_log template -> its renderer. */
export type EmailRenderers = Readonly<Record<string, EmailLogRenderer>>;

/** The renderers of every module; a template claimed twice is refused. */
export function collectEmailRenderers(
  modules: readonly { name: string; emailRenderers?: EmailRenderers }[],
): EmailRenderers {
  const all: Record<string, EmailLogRenderer> = {};
  const owner = new Map<string, string>();
  for (const module of modules) {
    for (const [template, render] of Object.entries(module.emailRenderers ?? {})) {
      const other = owner.get(template);
      if (other !== undefined) {
        throw new Error(`E-mail template "${template}" is rendered by two modules: ${other} and ${module.name}`);
      }
      owner.set(template, module.name);
      all[template] = render;
    }
  }
  return all;
}
