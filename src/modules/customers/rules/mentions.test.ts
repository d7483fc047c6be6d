import { mentionedEmails } from "./mentions.js";

describe("note mentions", () => {
  it("reads each mentioned admin's address once, lowercased, in order", () => {
    expect(mentionedEmails("@Claire@locod-ai.fr please call, cc @bob@locod-ai.fr and @claire@locod-ai.fr.")).toEqual([
      "claire@locod-ai.fr",
      "bob@locod-ai.fr",
    ]);
  });

  it("ignores a plain e-mail address and a bare @word", () => {
    expect(mentionedEmails("write to client@example.com, @team")).toEqual([]);
  });

  it("reads a mention at the start, after a parenthesis and before a full stop", () => {
    expect(mentionedEmails("(@a@x.io) then @b@y.fr.")).toEqual(["a@x.io", "b@y.fr"]);
  });
});
