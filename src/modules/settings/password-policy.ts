// The password policy (issue 3, item 2), one pure function used wherever a password is set:
// `npm run admin:create` (auth/schemas.ts), the creation of an admin user in AdminJS, the reset link
// and the change of one's own password (settings/passwords/).
import { z } from "zod";
import { COMMON_PASSWORDS_FR, COMMON_PASSWORDS_WORLD } from "./common-passwords.js";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 64;
/** bcrypt reads 72 bytes and ignores the rest: two passwords alike in their first 72 bytes would both match. */
export const BCRYPT_MAX_BYTES = 72;

export type PasswordProblem =
  "tooShort" | "tooLong" | "repeated" | "sequence" | "common" | "containsEmail" | "containsName";

/** Whose password it is: a password must not be built on its owner's e-mail or name. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

/** For the CLI and JSON answers, worded as zod words its messages ("password: must be ..."). */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `must be at most ${PASSWORD_MAX_LENGTH} characters and ${BCRYPT_MAX_BYTES} bytes (bcrypt's limit)`,
  repeated: "must not be a few characters repeated",
  sequence: "must not be a run of the alphabet, the digits or the keyboard",
  common: "is a well-known password, or one with digits or symbols around it",
  containsEmail: "must not contain the e-mail address",
  containsName: "must not contain the user's name",
};

/** The message key (src/admin/locale.ts `messages`) of a problem, for the admin's language. */
export function passwordMessageKey(problem: PasswordProblem): string {
  return `password${problem.charAt(0).toUpperCase()}${problem.slice(1)}`;
}

const COMMON = new Set(
  `${COMMON_PASSWORDS_WORLD}\n${COMMON_PASSWORDS_FR}`
    .split("\n")
    .map((entry) => fold(entry.trim()))
    .filter(Boolean),
);

/** Runs people type as passwords (read forwards and backwards): the alphabet, the digits, keyboard rows and columns. */
const RUNS = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789012345678901234567890",
  "qwertyuiopasdfghjklzxcvbnm",
  "azertyuiopqsdfghjklmwxcvbn",
  "qwertzuiopasdfghjklyxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "qazwsxedcrfvtgbyhnujmikolp",
  "1q2w3e4r5t6y7u8i9o0p",
  "q1w2e3r4t5y6u7i8o9p0",
];

// Letters and digits as people disguise them ("p@ssw0rd"): undone only inside the word, never in the
// digits around it, which are stripped instead.
const UNLEET: Record<string, string> = {
  "@": "a",
  "4": "a",
  "0": "o",
  "1": "i",
  "!": "i",
  "3": "e",
  $: "s",
  "5": "s",
  "7": "t",
};

/** Lowercase, compatibility forms folded (full-width letters), accents removed: "Hélène" and "helene" compare equal. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The word inside a password: what is left once digits, symbols and spaces around it are removed. */
function core(folded: string): string {
  return folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
}

function isCommon(folded: string): boolean {
  const word = core(folded);
  const candidates = [folded, word, word.replace(/[\s._-]+/g, ""), [...word].map((c) => UNLEET[c] ?? c).join("")];
  return candidates.some((candidate) => candidate !== "" && COMMON.has(candidate));
}

function isRun(folded: string): boolean {
  const reversed = [...folded].reverse().join("");
  return RUNS.some((run) => run.includes(folded) || run.includes(reversed));
}

/** The owner's identifiers worth refusing in a password: the e-mail's local part and its pieces, the name's parts. */
function ownerWords(owner: PasswordOwner): { email: string[]; name: string[] } {
  const local = fold(owner.email?.split("@")[0]?.trim() ?? "");
  const email = [...(local.length >= 3 ? [local] : []), ...local.split(/[._+-]+/).filter((piece) => piece.length >= 4)];
  const name = fold(owner.name ?? "")
    .split(/[\s'’.-]+/)
    .filter((part) => part.length >= 4);
  return { email, name };
}

/**
 * The first rule a password breaks, or null when it may be used. Lengths count characters (code
 * points), and the UTF-8 bytes bcrypt actually reads.
 */
export function passwordProblem(password: string, owner: PasswordOwner = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH || Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES) return "tooLong";
  const folded = fold(password);
  if (/^(.{1,6}?)\1+$/su.test(folded)) return "repeated";
  if (isRun(folded)) return "sequence";
  if (isCommon(folded)) return "common";
  const words = ownerWords(owner);
  if (words.email.some((word) => folded.includes(word))) return "containsEmail";
  if (words.name.some((word) => folded.includes(word))) return "containsName";
  return null;
}

/** A password checked by the rules that need no owner (the owner's e-mail and name are checked with the object). */
export const ZPassword = z
  .string()
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: PASSWORD_PROBLEM_TEXT[problem] });
  })
  .meta({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; not a common password, nor the admin's e-mail or name`,
  });
