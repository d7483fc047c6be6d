import { ConfigError, loadConfig, PRODUCTION_SECRETS } from "./config.js";

describe("config", () => {
  it("works with no variables at all, on local defaults", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/locod_admin");
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(c.bcryptCost).toBe(12);
    expect(c.queuePrefix).toBe("locod:locod_admin");
  });

  it("derives the queue prefix from the database so two instances on one Redis stay apart", () => {
    const a = loadConfig({ DATABASE_URL: "postgresql://u@h:5432/one" });
    const b = loadConfig({ DATABASE_URL: "postgresql://u@h:5432/two" });
    expect(a.queuePrefix).not.toBe(b.queuePrefix);
    expect(loadConfig({ QUEUE_PREFIX: "custom" }).queuePrefix).toBe("custom");
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
    const secret = "s".repeat(40);
    const c = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: secret,
      JWT_SECRET: secret,
      WIZARD_WEBHOOK_SECRET: "w",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
    });
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
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ PORT: "", SESSION_SECRET: "" }).port).toBe(3000);
  });

  it("reads trust proxy as boolean, hop count or list", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
  });
});
