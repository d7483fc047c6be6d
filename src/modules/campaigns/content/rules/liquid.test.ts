import { checkLiquid, parseLiquid, renderLiquid, SAMPLE_VARIABLES } from "./liquid.js";

describe("campaign Liquid", () => {
  it("should accept the customer variables and render them", () => {
    expect(checkLiquid("subject", "Bonjour {{ customer.name }} ({{ customer.plan | upcase }})")).toBeNull();
    const out = renderLiquid(parseLiquid("Hi {{ customer.name }}"), SAMPLE_VARIABLES);
    expect(out).toBe("Hi Camille Martin");
  });

  it("should refuse an unknown variable or filter, naming the field", () => {
    expect(checkLiquid("subject", "Hi {{ customer.age }}")).toMatchObject({ field: "subject" });
    expect(checkLiquid("contentHtml", "{{ secret }}")?.message).toMatch(/undefined variable/i);
    expect(checkLiquid("contentHtml", "{{ customer.name | exec }}")?.message).toMatch(/undefined filter/i);
  });

  it("should run no file include nor prototype access", () => {
    expect(checkLiquid("contentHtml", "{% include '/etc/passwd' %}")).not.toBeNull();
    expect(checkLiquid("contentHtml", "{{ customer.constructor }}")).not.toBeNull();
  });

  it("should escape nothing it was not asked to and keep plain text as is", () => {
    expect(renderLiquid(parseLiquid("<p>a & b</p>"), SAMPLE_VARIABLES)).toBe("<p>a & b</p>");
  });
});
