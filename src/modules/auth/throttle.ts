// Login throttling (issue 3, item 3): failure counters and lockouts per account and per IP, in Redis so
// that they survive a restart and are shared by every web process.
//
// An attempt is counted BEFORE its password is checked, atomically with the lock check, and refunded
// when it succeeds. Counting after the (slow, bcrypt) check would let a burst of parallel guesses all
// pass the lock check before the first failure is recorded.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** Failures before a lock, its first length, its ceiling, and how long failures are remembered. */
export interface LockoutPolicy {
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
  /** Failures are counted in a window that starts with the first one. */
  windowSeconds: number;
}

/** After 5 failures an account is locked 1 min, doubling with each further failure, up to 1 h. */
export const ACCOUNT_LOCKOUT: LockoutPolicy = {
  threshold: 5,
  baseSeconds: 60,
  maxSeconds: 3600,
  windowSeconds: 24 * 3600,
};

/** An IP failing 50 times in 15 min is locked 15 min, doubling up to 1 h (higher: offices share an IP). */
export const IP_LOCKOUT: LockoutPolicy = {
  threshold: 50,
  baseSeconds: 15 * 60,
  maxSeconds: 3600,
  windowSeconds: 15 * 60,
};

/** Failures of one IP within its window that make a burst worth a security alert. */
export const BURST_FAILURES = 10;

/** How long the `failures`-th counted failure locks for: 0 below the threshold. */
export function lockoutSeconds(policy: LockoutPolicy, failures: number): number {
  if (!Number.isFinite(failures) || failures < policy.threshold) return 0;
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** doublings);
}

/**
 * lockoutSeconds for failures = threshold, threshold + 1, ... up to the first that reaches the ceiling:
 * the schedule as the Redis script reads it (the last step repeats).
 */
export function lockoutSteps(policy: LockoutPolicy): number[] {
  const steps: number[] = [];
  for (let failures = policy.threshold; ; failures++) {
    const seconds = lockoutSeconds(policy, failures);
    steps.push(seconds);
    if (seconds >= policy.maxSeconds || steps.length >= 64) return steps;
  }
}

/** Retry-After in whole seconds, never 0 while a lock is still on. */
export function retryAfterSeconds(remainingMs: number): number {
  return Math.max(1, Math.ceil(remainingMs / 1000));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface ThrottleKeys {
  accountFailures: string;
  accountLock: string;
  ipFailures: string;
  ipLock: string;
}

/**
 * Keys under the deployment's prefix. The e-mail is hashed: unknown addresses are counted too (so a lock
 * reveals nothing about which accounts exist) and whatever was typed is not stored in Redis.
 */
export function throttleKeys(prefix: string, email: string, ip: string | null | undefined): ThrottleKeys {
  const account = `${prefix}:login:acct:${createHash("sha256").update(normalizeEmail(email)).digest("hex")}`;
  const address = `${prefix}:login:ip:${ip || "unknown"}`;
  return {
    accountFailures: account,
    accountLock: `${account}:lock`,
    ipFailures: address,
    ipLock: `${address}:lock`,
  };
}

export type LockScope = "account" | "ip";

export interface LoginLock {
  scope: LockScope;
  retryAfter: number;
}

export type Attempt =
  | { allowed: false; lock: LoginLock }
  | {
      allowed: true;
      /** Counted attempts in the current windows, this one included. */
      accountFailures: number;
      ipFailures: number;
      /** The lock this attempt starts if it fails (0: none). */
      accountLockSeconds: number;
      ipLockSeconds: number;
    };

function lockOf(accountMs: number, ipMs: number): LoginLock | null {
  if (accountMs <= 0 && ipMs <= 0) return null;
  return { scope: accountMs >= ipMs ? "account" : "ip", retryAfter: retryAfterSeconds(Math.max(accountMs, ipMs)) };
}

/** The lock in force for this account or IP, if any; counts nothing. */
export async function currentLock(redis: Redis, keys: ThrottleKeys): Promise<LoginLock | null> {
  const [accountMs, ipMs] = await Promise.all([redis.pttl(keys.accountLock), redis.pttl(keys.ipLock)]);
  return lockOf(accountMs, ipMs);
}

// KEYS: account failures, account lock, ip failures, ip lock.
// ARGV: per scope (account, then ip): window seconds, threshold, lock steps as "s1,s2,...".
const BEGIN_ATTEMPT = `
local accountMs = redis.call('PTTL', KEYS[2])
local ipMs = redis.call('PTTL', KEYS[4])
if accountMs > 0 or ipMs > 0 then return {0, accountMs, ipMs} end
local function count(failuresKey, lockKey, window, threshold, steps)
  local n = redis.call('INCR', failuresKey)
  if n == 1 then redis.call('EXPIRE', failuresKey, window) end
  if n < threshold then return {n, 0} end
  local list = {}
  for s in string.gmatch(steps, '[^,]+') do list[#list + 1] = tonumber(s) end
  local seconds = list[math.min(n - threshold + 1, #list)]
  redis.call('SET', lockKey, '1', 'EX', seconds)
  return {n, seconds}
end
local a = count(KEYS[1], KEYS[2], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3])
local i = count(KEYS[3], KEYS[4], tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6])
return {1, a[1], a[2], i[1], i[2]}
`;

// A success resets the account and gives back the IP's count (and any lock the attempt itself started),
// so that logging in many times from one office never locks it.
// KEYS: account failures, account lock, ip failures, ip lock. ARGV: 1 if the attempt started the IP lock.
const ATTEMPT_SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if redis.call('EXISTS', KEYS[3]) == 1 and tonumber(redis.call('GET', KEYS[3])) > 0 then
  redis.call('DECR', KEYS[3])
end
if ARGV[1] == '1' then redis.call('DEL', KEYS[4]) end
return 1
`;

const policyArgs = (policy: LockoutPolicy) => [
  String(policy.windowSeconds),
  String(policy.threshold),
  lockoutSteps(policy).join(","),
];

/** Checks the locks and, when there is none, counts the attempt as a failure until it succeeds. */
export async function beginAttempt(redis: Redis, keys: ThrottleKeys): Promise<Attempt> {
  const reply = (await redis.eval(
    BEGIN_ATTEMPT,
    4,
    keys.accountFailures,
    keys.accountLock,
    keys.ipFailures,
    keys.ipLock,
    ...policyArgs(ACCOUNT_LOCKOUT),
    ...policyArgs(IP_LOCKOUT),
  )) as number[];
  if (reply[0] === 0) return { allowed: false, lock: lockOf(reply[1]!, reply[2]!)! };
  return {
    allowed: true,
    accountFailures: reply[1]!,
    accountLockSeconds: reply[2]!,
    ipFailures: reply[3]!,
    ipLockSeconds: reply[4]!,
  };
}

export async function attemptSucceeded(
  redis: Redis,
  keys: ThrottleKeys,
  attempt: Extract<Attempt, { allowed: true }>,
): Promise<void> {
  await redis.eval(
    ATTEMPT_SUCCEEDED,
    4,
    keys.accountFailures,
    keys.accountLock,
    keys.ipFailures,
    keys.ipLock,
    attempt.ipLockSeconds > 0 ? "1" : "0",
  );
}
