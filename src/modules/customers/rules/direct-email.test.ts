import { renderDirectEmail, TemplateRenderError } from "./direct-email.js";

const template = {
  subjectFr: "Bonjour {{ customer.name }}",
  bodyFr: "Votre offre : {{ customer.plan }}.\n{{ admin.name }}",
  subjectEn: "Hello {{ customer.name }}",
  bodyEn: "Your plan: {{ customer.plan | upcase }}.\n{{ admin.name }}",
};
const variables = {
  customer: { name: "Boulangerie Martin", email: "martin@example.com", plan: "pro" },
  admin: { name: "Claire", email: "claire@locod-ai.fr" },
};

describe("direct e-mail rendering", () => {
  it("fills the French text for a French customer", async () => {
    expect(await renderDirectEmail(template, "fr", variables)).toEqual({
      subject: "Bonjour Boulangerie Martin",
      body: "Votre offre : pro.\nClaire",
    });
  });

  it("fills the English text, filters included, for an English customer", async () => {
    expect(await renderDirectEmail(template, "en", variables)).toEqual({
      subject: "Hello Boulangerie Martin",
      body: "Your plan: PRO.\nClaire",
    });
  });

  it("refuses an unknown variable, naming the part of the template", async () => {
    const bad = { ...template, bodyFr: "{{ customer.password }}" };
    await expect(renderDirectEmail(bad, "fr", variables)).rejects.toBeInstanceOf(TemplateRenderError);
    await expect(renderDirectEmail(bad, "fr", variables)).rejects.toMatchObject({ field: "body" });
  });
});
