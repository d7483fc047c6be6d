// The AI queue's customer e-mails, rendered without SMTP: both languages, every event, escaping.
import { escapeHtml } from "../../lib/email/layout.js";
import { EMAIL_EVENTS, renderEmail, subjectOf, summaryBlocks, type EmailRequestData } from "./email-templates.js";

const base: EmailRequestData = {
  id: 42,
  requestType: "services",
  businessType: "Boulangerie",
  customerName: "Marie Curie",
};

const services = {
  services: [
    { name: "Pain au levain", description: "Cuit au feu de bois." },
    { name: "Viennoiseries", description: "Pur beurre." },
  ],
};

describe("AI queue e-mail templates", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it.each(EMAIL_EVENTS)("renders %s in French and English, text and HTML, branded, without links", (event) => {
    const fr = renderEmail(event, "fr", { ...base, generatedContent: services, adminNotes: "Hors sujet" });
    const en = renderEmail(event, "en", { ...base, generatedContent: services, adminNotes: "Off topic" });
    expect(fr.subject).toBe(subjectOf(event, "fr", 42));
    expect(en.subject).toBe(subjectOf(event, "en", 42));
    expect(fr.subject).toMatch(/^Locod-AI – .*\(demande n° 42\)$/);
    expect(en.subject).toMatch(/^Locod-AI – .*\(request #42\)$/);
    expect(fr.text).toContain("Bonjour Marie Curie,");
    expect(fr.text).toContain("Demande n° 42 : Rédaction de services – Boulangerie");
    expect(fr.text).toContain("L'équipe Locod-AI");
    expect(en.text).toContain("Hello Marie Curie,");
    expect(en.text).toContain("Request #42: Service descriptions – Boulangerie");
    expect(en.text).toContain("The Locod-AI team");
    expect(fr.html).toContain('<html lang="fr">');
    expect(en.html).toContain('<html lang="en">');
    expect(fr.html).toContain("L&#39;équipe Locod-AI");
    for (const mail of [fr, en]) {
      expect(mail.text).not.toMatch(/https?:\/\//);
      expect(mail.html).not.toMatch(/https?:\/\/|href=/);
    }
  });

  it("says what each event means", () => {
    expect(renderEmail("received", "fr", base).text).toContain("Nous avons bien reçu votre demande.");
    expect(renderEmail("received", "en", base).text).toContain("We have received your request.");
    expect(renderEmail("in_progress", "fr", base).text).toContain("travaille maintenant sur votre demande");
    expect(renderEmail("in_progress", "en", base).text).toContain("is now working on your request");
    expect(renderEmail("completed", "fr", base).text).toContain("Votre contenu est prêt.");
    expect(renderEmail("completed", "en", base).text).toContain("Your content is ready.");
    expect(renderEmail("rejected", "fr", base).text).toContain("n'a pas pu être traitée");
    expect(renderEmail("rejected", "en", base).text).toContain("could not be processed");
  });

  it("summarises completed content: counts and titles, per request type", () => {
    const en = renderEmail("completed", "en", { ...base, generatedContent: services });
    expect(en.text).toContain("In summary:\n\n2 services:\n- Pain au levain\n- Viennoiseries");
    expect(en.html).toContain("<li>Pain au levain</li><li>Viennoiseries</li>");
    const fr = renderEmail("completed", "fr", {
      ...base,
      requestType: "full_site",
      generatedContent: {
        tagline: "Le bon pain",
        pages: [{ slug: "accueil", title: "Accueil", sections: [{ heading: "Bienvenue", body: "..." }] }],
        services: [{ name: "Livraison", description: "Le matin." }],
      },
    });
    expect(fr.text).toContain("Accroche : Le bon pain\n\n1 page :\n- Accueil\n\n1 service :\n- Livraison");
    expect(summaryBlocks("images", { images: [{ subject: "Vitrine", prompt: "p", altText: "a" }] }, "en")).toEqual([
      { title: "1 image:", items: ["Vitrine"] },
    ]);
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `Service ${i}`, description: "d" }));
    const [list] = summaryBlocks("services", { services: many }, "fr") as [{ title: string; items: string[] }];
    expect(list.title).toBe("12 services :");
    expect(list.items).toHaveLength(11);
    expect(list.items[10]).toBe("… et 2 de plus");
  });

  it("leaves the summary out when the content is missing or not of its type's shape", () => {
    expect(summaryBlocks("services", null, "fr")).toEqual([]);
    expect(summaryBlocks("content", services, "en")).toEqual([]);
    expect(renderEmail("completed", "en", base).text).not.toContain("In summary");
  });

  it("gives the rejection reason, and none when there is none", () => {
    const fr = renderEmail("rejected", "fr", { ...base, adminNotes: "Demande incomplète :\nmerci de préciser" });
    expect(fr.text).toContain("Motif : Demande incomplète :\nmerci de préciser");
    expect(fr.html).toContain("Motif : Demande incomplète :<br>merci de préciser");
    expect(renderEmail("rejected", "en", { ...base, adminNotes: "  " }).text).not.toContain("Reason");
  });

  it("escapes every customer- or admin-written value in the HTML, and only there", () => {
    const evil = `<script>alert("x")</script> & 'co'`;
    const data: EmailRequestData = {
      ...base,
      customerName: evil,
      businessType: evil,
      adminNotes: evil,
      generatedContent: { services: [{ name: evil, description: "d" }] },
    };
    for (const event of EMAIL_EVENTS) {
      for (const language of ["fr", "en"] as const) {
        const mail = renderEmail(event, language, data);
        expect(mail.html).not.toContain("<script>");
        expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;");
        expect(mail.text).toContain(evil);
      }
    }
  });
});
