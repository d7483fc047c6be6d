import { SAMPLE_VARIABLES } from "./liquid.js";
import { checkVersion, compileVersion, htmlToText, isMjml, renderMessage } from "./render.js";

const MJML = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Bonjour {{ customer.name }}</mj-text>
  <mj-button href="https://locod.ai/pro">Voir</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

describe("campaign content", () => {
  it("should compile MJML to responsive HTML and fill the variables", async () => {
    expect(isMjml(MJML)).toBe(true);
    const compiled = await compileVersion(
      { subject: "Pour {{ customer.name }}", html: MJML, text: null },
      "B {{ customer.plan }}",
    );
    const msg = renderMessage(compiled, "a", SAMPLE_VARIABLES, {
      links: ["https://locod.ai/pro"],
      click: (i) => `https://p/t/c/x${i}`,
      openPixel: "https://p/t/o/x",
    });
    expect(msg.subject).toBe("Pour Camille Martin");
    expect(msg.html).toContain("Bonjour Camille Martin");
    expect(msg.html).toContain(`href="https://p/t/c/x0"`);
    expect(msg.html).not.toContain("https://locod.ai/pro");
    expect(msg.html).toContain(`src="https://p/t/o/x"`);
    expect(msg.html).toMatch(/@media/);
    expect(msg.text).toContain("Bonjour Camille Martin");
    expect(renderMessage(compiled, "b", SAMPLE_VARIABLES, { links: [], click: String, openPixel: "x" }).subject).toBe(
      "B pro",
    );
  });

  it("should name the field of each problem, in either language", async () => {
    expect(await checkVersion({ subject: "ok", html: "<p>{{ customer.name }}</p>", text: "t" })).toEqual([]);
    const problems = await checkVersion(
      { subject: "{{ nope }}", html: "<mjml><mj-body><mj-nope/></mj-body></mjml>" },
      "En",
    );
    expect(problems.map((p) => p.field)).toEqual(["subjectEn", "contentHtmlEn"]);
    expect((await checkVersion({ html: "<p>{{ customer.x }}</p>" })).map((p) => p.field)).toEqual(["contentHtml"]);
  });

  it("should make a text version from HTML", () => {
    expect(htmlToText(`<p>Hi <a href="https://x.y">here</a></p><p>a &amp; b</p>`)).toBe(
      "Hi here (https://x.y)\n\na & b",
    );
  });
});
