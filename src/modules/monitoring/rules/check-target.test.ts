import { dnsName, hostAndPort, httpUrl, reservedName } from "./check-target.js";

describe("monitoring check targets", () => {
  it("assumes https for an http target without a scheme", () => {
    expect(httpUrl("example.com")).toBe("https://example.com");
    expect(httpUrl("http://127.0.0.1:8080/health")).toBe("http://127.0.0.1:8080/health");
  });

  it("reads a host and port from the forms an admin types", () => {
    expect(hostAndPort("Example.com")).toEqual({ host: "example.com", port: 443 });
    expect(hostAndPort("example.com:8443")).toEqual({ host: "example.com", port: 8443 });
    expect(hostAndPort("https://example.com/path?q=1")).toEqual({ host: "example.com", port: 443 });
    expect(hostAndPort("https://example.com:9443/")).toEqual({ host: "example.com", port: 9443 });
    expect(hostAndPort("127.0.0.1:4433")).toEqual({ host: "127.0.0.1", port: 4433 });
    expect(hostAndPort("[::1]:4433")).toEqual({ host: "::1", port: 4433 });
    expect(hostAndPort("::1")).toEqual({ host: "::1", port: 443 });
  });

  it("refuses what names no host or an impossible port", () => {
    expect(hostAndPort("")).toBeNull();
    expect(hostAndPort("example.com:70000")).toBeNull();
    expect(hostAndPort("bad host")).toBeNull();
  });

  it("resolves the host of a dns target without port or trailing dot", () => {
    expect(dnsName("www.example.com.")).toBe("www.example.com");
    expect(dnsName("https://www.example.com/")).toBe("www.example.com");
  });

  it("knows the names reserved for testing, which never resolve on the Internet", () => {
    expect(
      ["https://la-cave.locod-ai.test/", "shop.example", "x.invalid:8443", "localhost", "app.localhost"].map(
        reservedName,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(["https://example.com/", "127.0.0.1:443", "[::1]:8443", "testing.fr", "test.com"].map(reservedName)).toEqual(
      [false, false, false, false, false],
    );
  });
});
