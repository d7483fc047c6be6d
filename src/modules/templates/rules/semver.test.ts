import { compareSemver, isSemver } from "./semver.js";

describe("template semantic versions", () => {
  it("orders versions by semver precedence", () => {
    const ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0", "2.0.0"]; // prettier-ignore
    for (let i = 1; i < ordered.length; i++) {
      expect(compareSemver(ordered[i - 1]!, ordered[i]!)).toBe(-1);
      expect(compareSemver(ordered[i]!, ordered[i - 1]!)).toBe(1);
    }
    expect(compareSemver("1.2.0+build.5", "1.2.0")).toBe(0);
  });

  it("tells a semantic version from other strings", () => {
    expect(["1.0.0", "0.1.0", "1.2.0-beta", "10.20.30+meta"].every(isSemver)).toBe(true);
    expect(["1.0", "01.0.0", "v1.0.0", "1.0.0-", ""].some(isSemver)).toBe(false);
    expect(() => compareSemver("1.0", "1.0.0")).toThrow(/Not a semantic version: 1.0/);
  });
});
