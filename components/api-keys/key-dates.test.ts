import { describe, expect, it } from "vitest";
import { expiryInstant, keyStatus, lastUseLabel } from "./key-dates";

describe("expiryInstant", () => {
  it("ends the chosen day at midnight in Paris, winter (UTC+1) and summer (UTC+2)", () => {
    expect(expiryInstant("2026-01-15", "Europe/Paris").toISOString()).toBe("2026-01-15T23:00:00.000Z");
    expect(expiryInstant("2026-07-15", "Europe/Paris").toISOString()).toBe("2026-07-15T22:00:00.000Z");
  });

  it("crosses the end of a month and the night summer time starts", () => {
    // 29 March 2026 is the last Sunday of March: at 00:00 on the 29th Paris is still UTC+1.
    expect(expiryInstant("2026-03-28", "Europe/Paris").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(expiryInstant("2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(expiryInstant("2026-12-31", "UTC").toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("lastUseLabel", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("says « jamais » for a key never used and « à l'instant » under a minute", () => {
    expect(lastUseLabel(null, now)).toBe("jamais");
    expect(lastUseLabel(ago(59), now)).toBe("à l'instant");
  });

  it("counts in the largest whole unit", () => {
    expect(lastUseLabel(ago(5 * 60 + 30), now)).toBe("il y a 5 minutes");
    expect(lastUseLabel(ago(3 * 3600), now)).toBe("il y a 3 heures");
    expect(lastUseLabel(ago(86_400 + 10), now)).toBe("hier");
    expect(lastUseLabel(ago(20 * 86_400), now)).toBe("il y a 2 semaines");
    expect(lastUseLabel(ago(95 * 86_400), now)).toBe("il y a 3 mois");
  });
});

describe("keyStatus", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("puts revoked before expired, and expires at the instant itself", () => {
    expect(keyStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(keyStatus({ revokedAt: null, expiresAt: new Date("2026-11-23T12:00:01Z") }, now)).toBe("active");
    expect(keyStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(keyStatus({ revokedAt: new Date("2026-11-01T00:00:00Z"), expiresAt: now }, now)).toBe("revoked");
  });
});
