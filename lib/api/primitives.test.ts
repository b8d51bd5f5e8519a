import { describe, expect, it } from "vitest";
import { etagOf, matchesIfNoneMatch } from "./etag";
import { bearerToken, hashApiKey, newApiKey } from "./keys";
import { decodeCursor, encodeCursor, pageOf } from "./pagination";

describe("API keys", () => {
  it("start with their visible prefix and are kept as a SHA-256 only", () => {
    const key = newApiKey();
    expect(key.token.startsWith(`${key.prefix}_`)).toBe(true);
    expect(key.prefix).toMatch(/^enc_[A-Za-z0-9]{8}$/);
    // Separators only where they belong, in every key.
    for (let i = 0; i < 500; i++) expect(newApiKey().token).toMatch(/^enc_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}$/);
    expect(key.secretHash).toBe(hashApiKey(key.token));
    expect(key.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(newApiKey().token).not.toBe(key.token);
  });

  it("are read from a Bearer header only", () => {
    expect(bearerToken("Bearer enc_abc_def")).toBe("enc_abc_def");
    expect(bearerToken("bearer   enc_abc_def ")).toBe("enc_abc_def");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});

describe("ETags", () => {
  it("match weakly, in lists and with *", () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toBe(etagOf('{"a":1}'));
    expect(tag).not.toBe(etagOf('{"a":2}'));
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(`"x", ${tag.slice(2)}`, tag)).toBe(true);
    expect(matchesIfNoneMatch("*", tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
  });
});

describe("cursors", () => {
  it("round-trip their values and refuse anything else", () => {
    expect(decodeCursor(encodeCursor(["1250.00", "id-1"]), 2)).toEqual(["1250.00", "id-1"]);
    expect(decodeCursor(undefined, 2)).toBeNull();
    expect(() => decodeCursor(encodeCursor(["a"]), 2)).toThrow(/curseur/);
    expect(() => decodeCursor("%%%", 2)).toThrow(/curseur/);
    expect(() => decodeCursor(Buffer.from('[{"x":1},2]').toString("base64url"), 2)).toThrow(/curseur/);
  });

  it("cut a page read with one row more, and point after its last row", () => {
    const rows = [1, 2, 3, 4].map((n) => ({ v: n * 10, id: `r${n}` }));
    const page = pageOf(rows, 3, (r) => [r.v, r.id]);
    expect(page.data).toHaveLength(3);
    expect(decodeCursor(page.next_cursor!, 2)).toEqual([30, "r3"]);
    expect(pageOf(rows.slice(0, 3), 3, (r) => [r.v, r.id]).next_cursor).toBeNull();
  });
});
