import { serviceFieldWords } from "./service-words.js";
import { en, fr } from "./locale.js";

describe("serviceFieldWords", () => {
  it("turns the services' common field messages into the admin's words", () => {
    expect(serviceFieldWords("required")).toBe("$t(messages.fieldRequired)");
    expect(serviceFieldWords("is required")).toBe("$t(messages.fieldRequired)");
    expect(serviceFieldWords("an amount in euros like 12.50")).toBe("$t(messages.fieldMoney)");
    expect(serviceFieldWords('ambiguous: "1,234" reads as 1.234 or as 1234')).toBe("$t(messages.fieldMoneyAmbiguous)");
    expect(serviceFieldWords("must be more than 0.00")).toBe("$t(messages.fieldPositive)");
    expect(serviceFieldWords("at most 500 characters")).toBe("$t(messages.fieldTooLong) 500");
  });

  it("leaves a message it does not know as the service wrote it", () => {
    expect(serviceFieldWords("the subscription is already on this plan")).toBe(
      "the subscription is already on this plan",
    );
  });

  it("only names message keys worded in French and English", () => {
    const keys = ["fieldRequired", "fieldMoney", "fieldMoneyAmbiguous", "fieldPositive", "fieldTooLong", "fieldJson"];
    for (const key of keys) {
      expect((fr.messages as Record<string, string>)[key]).toMatch(/\S/);
      expect((en.messages as Record<string, string>)[key]).toMatch(/\S/);
    }
  });
});
