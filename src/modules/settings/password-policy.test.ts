import {
  BCRYPT_MAX_BYTES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ZPassword,
  passwordMessageKey,
  passwordProblem,
} from "./password-policy.js";
import { ZNewAdmin } from "../auth/schemas.js";
import { en, fr } from "../../admin/locale.js";

const owner = { email: "sophie.martin@locod-ai.local", name: "Sophie Martin-Lefèvre" };

describe("password policy", () => {
  it("accepts a long passphrase and a long random string", () => {
    expect(passwordProblem("correct horse battery staple 2026", owner)).toBeNull();
    expect(passwordProblem("Vq3#tL9m!xR2pW", owner)).toBeNull();
    expect(passwordProblem("la tour de Pise penche toujours", owner)).toBeNull();
  });

  it("takes 12 to 64 characters, counting characters rather than UTF-16 units", () => {
    const twelve = "Kq7%mZ-Wt3&v";
    expect(passwordProblem("")).toBe("tooShort");
    expect(passwordProblem(twelve.slice(0, PASSWORD_MIN_LENGTH - 1))).toBe("tooShort");
    expect(passwordProblem(twelve)).toBeNull();
    const sixtyFour = twelve.padEnd(PASSWORD_MAX_LENGTH, "Pl4ne!Arbre?Nuage#Vent$Soleil%Mer&");
    expect([...sixtyFour].length).toBe(PASSWORD_MAX_LENGTH);
    expect(passwordProblem(sixtyFour)).toBeNull();
    expect(passwordProblem(`${sixtyFour}x`)).toBe("tooLong");
    // Twelve emoji are twelve characters (24 UTF-16 units, 48 bytes).
    expect(passwordProblem("🦊🐢🦉🐙🦋🐝🦀🐬🦔🐌🦩🐞")).toBeNull();
  });

  it("refuses more than bcrypt's 72 bytes of UTF-8, even under 64 characters", () => {
    const accented = "é".repeat(37); // 37 characters, 74 bytes
    expect([...accented].length).toBeLessThan(PASSWORD_MAX_LENGTH);
    expect(Buffer.byteLength(accented)).toBeGreaterThan(BCRYPT_MAX_BYTES);
    expect(passwordProblem(accented)).toBe("tooLong");
    const mixed = `${"é".repeat(30)}Kq7%mZ-Wt3&v`; // 42 characters, 72 bytes: the limit itself
    expect(Buffer.byteLength(mixed)).toBe(BCRYPT_MAX_BYTES);
    expect(passwordProblem(mixed)).toBeNull();
  });

  it.each(["aaaaaaaaaaaa", "abcabcabcabc", "123412341234", "monkeymonkey", "!!!!!!!!!!!!!"])(
    "refuses %s: a few characters repeated",
    (password) => expect(passwordProblem(password)).toBe("repeated"),
  );

  it.each([
    "abcdefghijklmn",
    "123456789012",
    "0987654321098",
    "qwertyuiopasdf",
    "azertyuiopqsd",
    "1qaz2wsx3edc4rfv",
    "q1w2e3r4t5y6",
  ])("refuses %s: a run of the alphabet, the digits or the keyboard", (password) =>
    expect(passwordProblem(password)).toBe("sequence"),
  );

  it.each([
    "babygirl1234", // in the list as it is (world list)
    "MotDePasse2026!", // "motdepasse" (French list), digits and a symbol around it
    "Marseille13000", // "marseille" with digits after it
    "2026Soleil!!!!", // digits before, symbols after
    "P@ssw0rd2026!", // letters disguised as digits and symbols
    "i love you 2026", // spaces inside a common password
    "PASSWORD123456", // case does not matter
  ])("refuses %s: a common password, or one dressed up", (password) => {
    expect(passwordProblem(password)).toBe("common");
  });

  it("refuses a password containing the e-mail's local part or a piece of it", () => {
    expect(passwordProblem("sophie.martin-2026!", owner)).toBe("containsEmail");
    expect(passwordProblem("my-name-is-SOPHIE-ok", owner)).toBe("containsEmail");
    expect(passwordProblem("sophie.martin-2026!", {})).toBeNull();
  });

  it("refuses a password containing a part of the name, accents or not", () => {
    expect(passwordProblem("famille Lefevre pour toujours", owner)).toBe("containsName");
    expect(passwordProblem("famille LEFÈVRE pour toujours", owner)).toBe("containsName");
    // Short name parts ("Al") and short e-mail pieces are not refused: too many passwords contain them.
    expect(passwordProblem("Palais du Louvre, salle 12", { email: "al@x.fr", name: "Al Yu" })).toBeNull();
  });

  it("names every problem with a message in French and English", () => {
    const problems = [
      "tooShort",
      "tooLong",
      "repeated",
      "sequence",
      "common",
      "containsEmail",
      "containsName",
    ] as const;
    for (const problem of problems) {
      const key = passwordMessageKey(problem);
      expect((fr.messages as Record<string, string>)[key]).toEqual(expect.any(String));
      expect((en.messages as Record<string, string>)[key]).toEqual(expect.any(String));
    }
  });

  it("is the rule of npm run admin:create, owner included, and names the field", () => {
    expect(ZPassword.safeParse("short").success).toBe(false);
    const base = { email: "sophie.martin@locod-ai.local", name: "Sophie Martin", role: "admin" };
    expect(ZNewAdmin.safeParse({ ...base, password: "correct horse battery staple 2026" }).success).toBe(true);
    for (const password of ["Marseille13000", "sophie.martin-2026!"]) {
      const parsed = ZNewAdmin.safeParse({ ...base, password });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["password"]);
    }
  });
});
