import { randomBytes } from "node:crypto";
import { ConfigError, loadConfig, PRODUCTION_SECRETS, secretProblem, SIGNING_SECRETS } from "./config.js";

const random = () => randomBytes(48).toString("base64url");
const SECRETS = { SESSION_SECRET: random(), JWT_SECRET: random(), WIZARD_WEBHOOK_SECRET: random() };
const PROD = {
  NODE_ENV: "production",
  ...SECRETS,
  STRIPE_WEBHOOK_SECRET: "whsec_x",
  SMTP_URL: "smtp://mail.example.com:587",
};

describe("config", () => {
  it("works with only the signing secrets set, on local defaults", () => {
    const c = loadConfig({ ...SECRETS });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/locod_admin");
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(c.bcryptCost).toBe(12);
    expect(c.queuePrefix).toBe("locod:locod_admin");
  });

  it("derives the queue prefix from the database so two instances on one Redis stay apart", () => {
    const a = loadConfig({ ...SECRETS, DATABASE_URL: "postgresql://u@h:5432/one" });
    const b = loadConfig({ ...SECRETS, DATABASE_URL: "postgresql://u@h:5432/two" });
    expect(a.queuePrefix).not.toBe(b.queuePrefix);
    expect(loadConfig({ ...SECRETS, QUEUE_PREFIX: "custom" }).queuePrefix).toBe("custom");
  });

  it("stops production start-up naming every missing secret", () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: "production" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of PRODUCTION_SECRETS) expect((error as Error).message).toContain(name);
  });

  it("starts in production once the secrets are set", () => {
    const c = loadConfig(PROD);
    const secret = PROD.SESSION_SECRET;
    expect(c.isProduction).toBe(true);
    // Demo accounts have published passwords: never seeded in production unless asked for.
    expect(c.seedDemo).toBe(false);
    expect(c.session.secret).toBe(secret);
  });

  it.each([
    ["PORT", "not-a-port"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["REDIS_URL", "localhost:6379"],
    ["SESSION_SECRET", "short"],
    ["BCRYPT_COST", "3"],
    ["LOG_LEVEL", "loud"],
  ])("rejects an invalid %s with a message naming it", (name, value) => {
    expect(() => loadConfig({ ...SECRETS, [name]: value })).toThrow(new RegExp(name));
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ ...SECRETS, PORT: "", BCRYPT_COST: "" }).port).toBe(3000);
    expect(() => loadConfig({ ...SECRETS, SESSION_SECRET: "" })).toThrow(/SESSION_SECRET/);
  });

  it("reads trust proxy as boolean, hop count or list", () => {
    expect(loadConfig({ ...SECRETS, TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ ...SECRETS, TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ ...SECRETS, TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
  });

  it("has no default for a signing secret, in development either", () => {
    for (const name of SIGNING_SECRETS) {
      const env: Record<string, string> = { ...SECRETS };
      delete env[name];
      expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: not set`));
    }
  });

  it.each([
    ["SESSION_SECRET", "dev-session-secret-change-me-0123456789abcdef"],
    ["JWT_SECRET", "dev-jwt-secret-change-me-0123456789abcdef"],
    ["WIZARD_WEBHOOK_SECRET", "dev-wizard-secret"],
    ["WIZARD_WEBHOOK_SECRET", "short-but-not-known"],
    ["JWT_SECRET", "compose-only-jwt-secret-change-me-please-too"],
    ["SESSION_SECRET", "x".repeat(40)],
    ["JWT_SECRET", "replace-with-a-random-secret-of-at-least-32-characters"],
    ["SMTP_URL", "mail.example.com:25"],
  ])("refuses %s=%j in production, naming the variable", (name, value) => {
    expect(() => loadConfig({ ...PROD, [name]: value })).toThrow(new RegExp(`${name}: `));
  });
});

describe("config SMTP_URL", () => {
  it("is optional outside production: mail is then caught (smtpUrl undefined)", () => {
    expect(loadConfig({ ...SECRETS }).mail.smtpUrl).toBeUndefined();
    expect(loadConfig({ ...SECRETS, NODE_ENV: "test", SMTP_URL: "" }).mail.smtpUrl).toBeUndefined();
    expect(loadConfig({ ...SECRETS, SMTP_URL: "smtp://127.0.0.1:1025" }).mail.smtpUrl).toBe("smtp://127.0.0.1:1025");
  });

  it("is required in production, naming the variable", () => {
    const { SMTP_URL: _unset, ...withoutSmtp } = PROD;
    expect(() => loadConfig(withoutSmtp)).toThrow(/SMTP_URL: required when NODE_ENV=production/);
    expect(() => loadConfig({ ...PROD, SMTP_URL: "" })).toThrow(/SMTP_URL: /);
    expect(loadConfig(PROD).mail.smtpUrl).toBe("smtp://mail.example.com:587");
  });
});

describe("secretProblem", () => {
  it("accepts a random secret of 32 characters or more", () => {
    expect(secretProblem(random())).toBeNull();
    expect(secretProblem(randomBytes(24).toString("base64url"))).toBeNull();
  });

  it.each([undefined, "", "secret", "changeme", "CHANGEME-changeme-CHANGEME-changeme", "a".repeat(31)])(
    "refuses %j",
    (value) => {
      expect(secretProblem(value)).toEqual(expect.any(String));
    },
  );
});
