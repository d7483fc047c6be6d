import { z } from "zod";
import { isStorableText, zStorableText } from "../../lib/input-rules.js";
import { PASSWORD_PROBLEM_TEXT, ZPassword, passwordProblem } from "../settings/password-policy.js";

/** A new admin user, as `npm run admin:create` takes it (permissions as a comma-separated list). */
export const ZNewAdmin = z
  .object({
    email: zStorableText(254).trim().pipe(z.email("must be an e-mail address")),
    name: zStorableText(255).trim().min(1, "is required"),
    role: z.enum(["super_admin", "admin", "editor", "viewer"]),
    // The password policy (settings/password-policy.ts); the rules about the owner follow below.
    password: ZPassword.refine(isStorableText, "must not contain a NUL character or a lone surrogate"),
    permissions: z
      .string()
      .optional()
      .transform((s) =>
        s
          ? s
              .split(",")
              .map((p) => p.trim())
              .filter(Boolean)
          : undefined,
      )
      .pipe(z.array(z.string().regex(/^[a-z_]+\.[a-z_]+$/, "must look like module.permission")).optional()),
  })
  .superRefine((admin, ctx) => {
    const problem = passwordProblem(admin.password, admin);
    if (problem === "containsEmail" || problem === "containsName") {
      ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_PROBLEM_TEXT[problem] });
    }
  });
