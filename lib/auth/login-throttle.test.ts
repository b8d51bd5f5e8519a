import { describe, expect, it } from "vitest";
import { loginWaitSeconds, waitInWords } from "./login-throttle";

const rule = { maxFailures: 5, windowMinutes: 15 };
const now = new Date("2026-03-02T09:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("loginWaitSeconds", () => {
  it("lets the first failures through without waiting", () => {
    expect(loginWaitSeconds({ count: 0, lastAt: null }, now, rule)).toBe(0);
    expect(loginWaitSeconds({ count: 4, lastAt: ago(0) }, now, rule)).toBe(0);
  });

  it("makes each attempt past the limit wait twice as long as the one before", () => {
    expect(loginWaitSeconds({ count: 5, lastAt: ago(0) }, now, rule)).toBe(30);
    expect(loginWaitSeconds({ count: 6, lastAt: ago(0) }, now, rule)).toBe(60);
    expect(loginWaitSeconds({ count: 7, lastAt: ago(0) }, now, rule)).toBe(120);
    expect(loginWaitSeconds({ count: 8, lastAt: ago(0) }, now, rule)).toBe(240);
  });

  it("counts the wait from the last failure", () => {
    expect(loginWaitSeconds({ count: 6, lastAt: ago(45) }, now, rule)).toBe(15);
    expect(loginWaitSeconds({ count: 6, lastAt: ago(60) }, now, rule)).toBe(0);
  });

  it("never asks to wait longer than the window", () => {
    expect(loginWaitSeconds({ count: 50, lastAt: ago(0) }, now, rule)).toBe(15 * 60);
    expect(loginWaitSeconds({ count: 5000, lastAt: ago(60) }, now, rule)).toBe(14 * 60);
  });
});

describe("waitInWords", () => {
  it("says seconds under a minute, whole minutes rounded up beyond", () => {
    expect(waitInWords(1)).toBe("1 seconde");
    expect(waitInWords(30)).toBe("30 secondes");
    expect(waitInWords(60)).toBe("1 minute");
    expect(waitInWords(61)).toBe("2 minutes");
    expect(waitInWords(900)).toBe("15 minutes");
  });
});
