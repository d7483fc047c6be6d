import { TONE_COLOURS, contrastRatio, statusTone, type Tone } from "./status-tone.js";

describe("status tone", () => {
  it("colours a status by what it means, the same value alike in every enum", () => {
    const cases: Array<[string, Tone]> = [
      ["active", "success"],
      ["paid", "success"],
      ["completed", "success"],
      ["pending", "warning"],
      ["past_due", "warning"],
      ["processing", "info"],
      ["trialing", "info"],
      ["failed", "danger"],
      ["rejected", "danger"],
      ["payment_failed", "danger"],
      ["cancelled", "neutral"],
      ["draft", "neutral"],
    ];
    for (const [value, tone] of cases) expect([value, statusTone(value)]).toEqual([value, tone]);
  });

  it("leaves values that say nothing good or bad neutral", () => {
    for (const value of ["pro", "fr", "super_admin", "monthly", "", "toString", "__proto__"]) {
      expect(statusTone(value)).toBe("neutral");
    }
    expect(statusTone(null)).toBe("neutral");
    expect(statusTone(3)).toBe("neutral");
  });

  it("reads a boolean as yes good, no neutral", () => {
    expect(statusTone(true)).toBe("success");
    expect(statusTone(false)).toBe("neutral");
  });

  it("keeps every badge's text at 4.5:1 or more against its background", () => {
    for (const [tone, colours] of Object.entries(TONE_COLOURS)) {
      expect([tone, contrastRatio(colours.text, colours.background) >= 4.5]).toEqual([tone, true]);
      // Against the white page too, should a badge lose its tint.
      expect([tone, contrastRatio(colours.text, "#ffffff") >= 4.5]).toEqual([tone, true]);
    }
  });

  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});
