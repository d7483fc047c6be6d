// Billing's e-mail renderers name the templates dunning records.
import { billingEmailRenderers } from "./emails.js";
import { REMINDER_TEMPLATE } from "./dunning.js";

describe("billing e-mail renderers", () => {
  it("render the payment reminder's template", () => {
    expect(Object.keys(billingEmailRenderers)).toEqual([REMINDER_TEMPLATE]);
  });
});
