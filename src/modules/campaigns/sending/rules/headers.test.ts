import { unsubscribeHeaders } from "./headers.js";

describe("campaign headers", () => {
  it("should carry RFC 8058 one-click unsubscribe", () => {
    expect(unsubscribeHeaders("https://p/t/u/x")).toEqual({
      "List-Unsubscribe": "<https://p/t/u/x>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      Precedence: "bulk",
    });
  });
});
