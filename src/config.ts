// Environment -> typed configuration. Every variable is listed in .env.example with its default.
// No secret has a default. Outside production the entry points fill the unset signing secrets from
// .secrets.local.json (src/local-secrets.ts) before this runs; production refuses unset, short or
// publicly known values, naming the variable.
import { z } from "zod";

/** Secrets that must be set explicitly in production. */
export const PRODUCTION_SECRETS = [
  "SESSION_SECRET",
  "JWT_SECRET",
  "WIZARD_WEBHOOK_SECRET",
  "STRIPE_WEBHOOK_SECRET",
] as const;

/** The signing secrets: always required, at least 32 characters, never a publicly known value. */
export const SIGNING_SECRETS = ["SESSION_SECRET", "JWT_SECRET", "WIZARD_WEBHOOK_SECRET"] as const;
export type SigningSecret = (typeof SIGNING_SECRETS)[number];

export const MIN_SECRET_LENGTH = 32;

/** Values published somewhere (former development defaults, examples, placeholders): worthless as secrets. */
const KNOWN_SECRETS = new Set(
  [
    "dev-session-secret-change-me-0123456789abcdef",
    "dev-jwt-secret-change-me-0123456789abcdef",
    "dev-wizard-secret",
    "compose-only-session-secret-change-me-please",
    "compose-only-jwt-secret-change-me-please-too",
    "compose-only-wizard-secret",
    "bench-session-secret-0123456789abcdef0123",
    "bench-jwt-secret-0123456789abcdef0123456789",
    "changeme",
    "change-me",
    "change_me",
    "secret",
    "password",
    "replace-me",
    "replace-with-a-random-secret-of-at-least-32-characters",
  ].map((v) => v.toLowerCase()),
);

/** Why a signing secret is refused in production, or null when it is acceptable. */
export function secretProblem(value: string | undefined): string | null {
  if (!value) return "required when NODE_ENV=production";
  if (value.length < MIN_SECRET_LENGTH) return `must be at least ${MIN_SECRET_LENGTH} characters`;
  const lowered = value.toLowerCase();
  if (KNOWN_SECRETS.has(lowered) || /^(.)\1*$/.test(value) || /change[-_ ]?me|placeholder|example/.test(lowered))
    return "is a publicly known or placeholder value: generate one (e.g. openssl rand -base64 48)";
  return null;
}

const ZBool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .default("postgresql://postgres@127.0.0.1:5432/locod_admin"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .default("redis://127.0.0.1:6379"),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:-]+$/, "letters, digits, _ : - only")
    .optional(),
  SESSION_SECRET: z.string().min(MIN_SECRET_LENGTH, "must be at least 32 characters").optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  JWT_SECRET: z.string().min(MIN_SECRET_LENGTH, "must be at least 32 characters").optional(),
  /** Lifetime of a REST API token (and of its admin_sessions row) from login. */
  JWT_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** Origins (scheme://host[:port], comma-separated) whose browsers may call /admin/api/v1; none by default. */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((list, ctx) => {
      const origins: string[] = [];
      for (const item of list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        let origin: string | null = null;
        try {
          const url = new URL(item);
          if ((url.protocol === "http:" || url.protocol === "https:") && url.origin === item.replace(/\/$/, ""))
            origin = url.origin;
        } catch {
          origin = null;
        }
        if (origin) origins.push(origin);
        else
          ctx.addIssue({
            code: "custom",
            message: `${JSON.stringify(item)} is not an origin like https://app.example.com`,
          });
      }
      return origins;
    }),
  TRUST_PROXY: z.string().default("false"),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  PUBLIC_BASE_URL: z.string().url().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  /** Unset outside production: outgoing e-mail is caught in caught_emails instead of sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Locod-AI <no-reply@locod-ai.local>"),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  ANTHROPIC_MODEL: z.string().default("claude-sonnet-4-6"),
  WIZARD_WEBHOOK_SECRET: z.string().optional(),
  /** The e-mail provider's bounce and complaint webhook (/webhooks/email); unset: the webhook answers 503. */
  EMAIL_WEBHOOK_SECRET: z.string().min(32).optional(),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Demo data (with publicly known passwords) on an empty database; off by default in production. */
  SEED_DEMO: ZBool.optional(),
  WORKERS: ZBool.default(true),
  /** Above this many rows an unfiltered list shows PostgreSQL's estimate instead of count(*). */
  LIST_EXACT_COUNT_LIMIT: z.coerce.number().int().min(0).default(100_000),
  /** REST API requests per window per token and per client IP (0: no limit); off under test unless set. */
  RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type Config = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function trustProxy(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === "production") {
    for (const name of PRODUCTION_SECRETS) {
      const problem = (SIGNING_SECRETS as readonly string[]).includes(name)
        ? secretProblem(e[name])
        : e[name]
          ? null
          : "required when NODE_ENV=production";
      if (problem) problems.push(`${name}: ${problem}`);
    }
    if (!e.SMTP_URL) problems.push("SMTP_URL: required when NODE_ENV=production (outgoing e-mail)");
  } else {
    for (const name of SIGNING_SECRETS)
      if (!e[name])
        problems.push(`${name}: not set (npm start, npm run worker and the CLIs create it in .secrets.local.json)`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return buildConfig(e as z.infer<typeof ZEnv> & Record<SigningSecret, string>);
}

function buildConfig(e: z.infer<typeof ZEnv> & Record<SigningSecret, string>) {
  const port = e.PORT;
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseName: databaseName(e.DATABASE_URL),
    redisUrl: e.REDIS_URL,
    // Two instances sharing one Redis (tests beside a dev server) never take each other's jobs.
    queuePrefix: e.QUEUE_PREFIX ?? `locod:${databaseName(e.DATABASE_URL)}`,
    session: {
      secret: e.SESSION_SECRET,
      ttlMs: e.SESSION_TTL_HOURS * 3600_000,
      cookieSecure: e.COOKIE_SECURE,
    },
    jwtSecret: e.JWT_SECRET,
    jwtTtlMs: e.JWT_TTL_MINUTES * 60_000,
    corsOrigins: e.CORS_ORIGINS,
    trustProxy: trustProxy(e.TRUST_PROXY),
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      apiBase: e.STRIPE_API_BASE,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    anthropic: { apiKey: e.ANTHROPIC_API_KEY, baseUrl: e.ANTHROPIC_BASE_URL, model: e.ANTHROPIC_MODEL },
    wizardWebhookSecret: e.WIZARD_WEBHOOK_SECRET,
    emailWebhookSecret: e.EMAIL_WEBHOOK_SECRET,
    bcryptCost: e.BCRYPT_COST,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== "production",
    workers: e.WORKERS,
    listExactCountLimit: e.LIST_EXACT_COUNT_LIMIT,
    rateLimit: {
      perToken: e.RATE_LIMIT_PER_TOKEN ?? (e.NODE_ENV === "test" ? 0 : 600),
      perIp: e.RATE_LIMIT_PER_IP ?? (e.NODE_ENV === "test" ? 0 : 1200),
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
    },
  };
}
