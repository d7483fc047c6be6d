import { allowedOrigins } from "./csrf.js";

describe("allowedOrigins", () => {
  it("accepts every loopback name of a local public URL in development", () => {
    expect(allowedOrigins("http://localhost:3000", false)).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
    ]);
    expect(allowedOrigins("http://127.0.0.1:3115/", false)).toEqual([
      "http://127.0.0.1:3115",
      "http://localhost:3115",
      "http://[::1]:3115",
    ]);
  });

  it("accepts the public URL's origin alone in production or for a real host", () => {
    expect(allowedOrigins("http://localhost:3000", true)).toEqual(["http://localhost:3000"]);
    expect(allowedOrigins("https://admin.locod-ai.fr", false)).toEqual(["https://admin.locod-ai.fr"]);
  });
});
