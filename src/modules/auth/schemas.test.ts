// `npm run admin:create` reads its arguments with ZNewAdmin: the same storable-text rules as any write.
import { describe, expect, it } from "@jest/globals";
import { ZNewAdmin } from "./schemas.js";

const admin = {
  email: "new.admin@example.com",
  name: "New Admin",
  role: "viewer",
  password: "Xy9!correct-horse-battery",
};
const refused = (input: object) => {
  const parsed = ZNewAdmin.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

describe("admin:create arguments", () => {
  it("takes a well-formed admin", () => {
    expect(refused(admin)).toEqual([]);
  });

  it("refuses NUL characters, lone surrogates and over-long names by field", () => {
    expect(refused({ ...admin, name: "a\u0000b" })).toEqual(["name"]);
    expect(refused({ ...admin, name: "x".repeat(256) })).toEqual(["name"]);
    expect(refused({ ...admin, email: "a\u0000@example.com" })).toContain("email");
    expect(refused({ ...admin, password: "Xy9!correct-horse\uD800" })).toContain("password");
  });
});
