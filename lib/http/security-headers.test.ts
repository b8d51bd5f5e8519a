import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "./security-headers";

const base = { nonce: "abc123", pathname: "/clients", https: false, development: false };

describe("security headers", () => {
  it("allows only scripts carrying the nonce, and no framing", () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    const headers = securityHeaders(base);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toContain("geolocation=()");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("lets only the app frame a sent message's content", () => {
    const pathname = "/parametrage/messages/0b6e/contenu";
    expect(contentSecurityPolicy({ ...base, pathname })).toContain("frame-ancestors 'self'");
    expect(securityHeaders({ ...base, pathname })["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(securityHeaders({ ...base, pathname: "/parametrage/messages/0b6e" })["X-Frame-Options"]).toBe("DENY");
  });

  it("adds HSTS and upgrades requests over HTTPS only", () => {
    const headers = securityHeaders({ ...base, https: true });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(headers["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("allows eval and the reload socket only in development", () => {
    const csp = contentSecurityPolicy({ ...base, development: true });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
  });

  it("tells HTTPS from the URL or the reverse proxy's header", () => {
    expect(servedOverHttps(new URL("https://encaisse.example/"), new Headers())).toBe(true);
    expect(servedOverHttps(new URL("http://10.0.0.2:3000/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(servedOverHttps(new URL("http://10.0.0.2:3000/"), new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(servedOverHttps(new URL("http://10.0.0.2:3000/"), new Headers())).toBe(false);
  });

  it("makes a new 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
