import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { requestOrigin } from "./request-origin";

describe("clientAddress", () => {
  it("takes the address the nearest proxy added, not what the client wrote before it", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientAddress(new Headers())).toBe("inconnue");
  });
});

describe("requestOrigin", () => {
  it("rebuilds the origin the browser used", () => {
    expect(requestOrigin(new Headers({ host: "127.0.0.1:3100", "x-forwarded-proto": "http" }))).toBe("http://127.0.0.1:3100");
    expect(requestOrigin(new Headers({ host: "interne:3000", "x-forwarded-host": "encaisse.example.fr", "x-forwarded-proto": "https" }))).toBe(
      "https://encaisse.example.fr",
    );
  });
});
