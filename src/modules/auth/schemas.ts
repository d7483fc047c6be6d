import { z } from "zod";

/** A new admin user, as `npm run admin:create` takes it (permissions as a comma-separated list). */
export const ZNewAdmin = z.object({
  email: z.string().trim().email("must be an e-mail address"),
  name: z.string().trim().min(1, "is required"),
  role: z.enum(["super_admin", "admin", "editor", "viewer"]),
  password: z
    .string()
    .min(12, "must be at least 12 characters")
    .max(64, "must be at most 64 characters")
    .refine((p) => Buffer.byteLength(p, "utf8") <= 72, "must be at most 72 bytes (bcrypt's limit)"),
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
});
