// The wizard's request data goes through the same storable-text rules as any write.
import { describe, expect, it } from "@jest/globals";
import { ZRequestData } from "./schemas.js";

describe("wizard request data", () => {
  it("refuses text PostgreSQL cannot store", () => {
    expect(ZRequestData.images.safeParse({ subjects: ["a\u0000"] }).success).toBe(false);
    expect(ZRequestData.images.safeParse({ subjects: ["boulangerie"], notes: "\uDC00" }).success).toBe(false);
    expect(ZRequestData.images.safeParse({ subjects: ["boulangerie"], notes: "fournil" }).success).toBe(true);
  });
});
