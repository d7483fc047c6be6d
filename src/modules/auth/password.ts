import bcrypt from "bcrypt";

// Compared against when the e-mail is unknown, so that an unknown account and a wrong password take
// the same time (no account enumeration by timing). A cost-12 hash of a random string.
const DUMMY_HASH = "$2b$12$.y2Rt0.nlWOt6pra75Pb0ONpq3XZPADuenaCCw5PKrORh2ydy0t0.";

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && hash !== undefined;
}
