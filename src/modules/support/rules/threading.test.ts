import {
  normaliseMessageId,
  referencedIds,
  replyMessageId,
  replySubject,
  threadHeaders,
  ticketSubject,
} from "./threading.js";

describe("support e-mail threading", () => {
  it("lists the ids an e-mail answers: In-Reply-To, then References newest first, once each", () => {
    expect(referencedIds("<c@x>", "<a@x> <b@x>\r\n <c@x>")).toEqual(["<c@x>", "<b@x>", "<a@x>"]);
    expect(referencedIds(undefined, ["<a@x>", "<b@x>"])).toEqual(["<b@x>", "<a@x>"]);
    expect(referencedIds(null, null)).toEqual([]);
  });

  it("stores Message-IDs in angle brackets and refuses what is none", () => {
    expect(normaliseMessageId(" <a.b@host> ")).toBe("<a.b@host>");
    expect(normaliseMessageId("a.b@host")).toBe("<a.b@host>");
    expect(normaliseMessageId("not an id")).toBeNull();
    expect(normaliseMessageId("")).toBeNull();
  });

  it("threads a reply under the last message and keeps the first and last references", () => {
    expect(threadHeaders(["<a@x>", "<b@x>"])).toEqual({ inReplyTo: "<b@x>", references: "<a@x> <b@x>" });
    expect(threadHeaders([])).toEqual({});
    const many = Array.from({ length: 25 }, (_, i) => `<m${i}@x>`);
    const refs = threadHeaders(many).references!.split(" ");
    expect(refs).toHaveLength(20);
    expect(refs[0]).toBe("<m0@x>");
    expect(refs[19]).toBe("<m24@x>");
    expect(replyMessageId(12, 40, "Support <support@locod-ai.com>")).toBe("<support-12-40@locod-ai.com>");
  });

  it("words subjects: one Re: and the ticket tag on replies, no prefixes on a new ticket", () => {
    expect(replySubject(9, "RE: Re: Mon site [#9]")).toBe("Re: Mon site [#9]");
    expect(ticketSubject("Fwd: TR: Facture", "x")).toBe("Facture");
    expect(ticketSubject("  ", "(sans objet)")).toBe("(sans objet)");
  });
});
