import {
  ACCOUNT_LOCKOUT,
  IP_LOCKOUT,
  lockoutSeconds,
  lockoutSteps,
  normalizeEmail,
  retryAfterSeconds,
  throttleKeys,
} from "./throttle.js";

describe("login throttle lockoutSeconds", () => {
  it("locks an account nothing for its first four failures", () => {
    for (const failures of [0, 1, 2, 3, 4]) expect(lockoutSeconds(ACCOUNT_LOCKOUT, failures)).toBe(0);
  });

  it("locks an account 1 min at the fifth failure, doubling with each further one up to 1 h", () => {
    const schedule = [5, 6, 7, 8, 9, 10, 11, 12, 50].map((f) => lockoutSeconds(ACCOUNT_LOCKOUT, f));
    expect(schedule).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("tolerates many more failures from one IP than from one account", () => {
    expect(lockoutSeconds(IP_LOCKOUT, 49)).toBe(0);
    expect(lockoutSeconds(IP_LOCKOUT, 50)).toBe(900);
    expect(lockoutSeconds(IP_LOCKOUT, 51)).toBe(1800);
    expect(lockoutSeconds(IP_LOCKOUT, 52)).toBe(3600);
    expect(lockoutSeconds(IP_LOCKOUT, 10_000)).toBe(3600);
  });

  it("never overflows on a huge count and ignores nonsense", () => {
    expect(lockoutSeconds(ACCOUNT_LOCKOUT, Number.MAX_SAFE_INTEGER)).toBe(3600);
    expect(lockoutSeconds(ACCOUNT_LOCKOUT, Number.NaN)).toBe(0);
    expect(lockoutSeconds(ACCOUNT_LOCKOUT, -3)).toBe(0);
  });
});

describe("login throttle lockoutSteps", () => {
  it("lists the schedule from the threshold to the ceiling, as the Redis script reads it", () => {
    expect(lockoutSteps(ACCOUNT_LOCKOUT)).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
    expect(lockoutSteps(IP_LOCKOUT)).toEqual([900, 1800, 3600]);
  });

  it("agrees with lockoutSeconds for every count, the last step repeating", () => {
    for (const policy of [ACCOUNT_LOCKOUT, IP_LOCKOUT]) {
      const steps = lockoutSteps(policy);
      for (let failures = policy.threshold; failures < policy.threshold + 20; failures++) {
        const step = steps[Math.min(failures - policy.threshold, steps.length - 1)];
        expect(step).toBe(lockoutSeconds(policy, failures));
      }
    }
  });

  it("forgets an account's failures only after its longest lock is over", () => {
    expect(ACCOUNT_LOCKOUT.windowSeconds).toBeGreaterThan(ACCOUNT_LOCKOUT.maxSeconds);
  });
});

describe("login throttle retryAfterSeconds", () => {
  it("rounds up to whole seconds and never says 0 while locked", () => {
    expect(retryAfterSeconds(60_000)).toBe(60);
    expect(retryAfterSeconds(59_001)).toBe(60);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(0)).toBe(1);
  });
});

describe("login throttle throttleKeys", () => {
  it("counts one account whatever the case and spaces of the e-mail, under the deployment prefix", () => {
    const a = throttleKeys("p:1", " Someone@Example.COM ", "10.0.0.1");
    const b = throttleKeys("p:1", "someone@example.com", "10.0.0.2");
    expect(a.accountFailures).toBe(b.accountFailures);
    expect(a.accountFailures).toMatch(/^p:1:login:acct:[0-9a-f]{64}$/);
    expect(a.accountLock).toBe(`${a.accountFailures}:lock`);
    expect(a.ipFailures).toBe("p:1:login:ip:10.0.0.1");
    expect(a.ipFailures).not.toBe(b.ipFailures);
    expect(throttleKeys("p:2", "someone@example.com", "10.0.0.1").accountFailures).not.toBe(a.accountFailures);
  });

  it("never puts the e-mail itself in a key", () => {
    const keys = throttleKeys("p", "secret.person@example.com", null);
    expect(JSON.stringify(keys)).not.toContain("secret.person");
    expect(keys.ipFailures).toBe("p:login:ip:unknown");
  });

  it("normalises e-mails as the login does", () => {
    expect(normalizeEmail("  A.B@C.D ")).toBe("a.b@c.d");
  });
});
