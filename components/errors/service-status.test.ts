import { afterEach, describe, expect, it, vi } from "vitest";
import { errorReference, errorWording, fetchServiceStatus } from "./service-status";

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown) =>
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status })));

describe("what an error page says", () => {
  it("names the database when the health check says it does not answer", async () => {
    answer(503, { status: "indisponible", reason: "La base de données ne répond pas." });
    const status = await fetchServiceStatus();
    expect(status).toEqual({ state: "down", reason: "La base de données ne répond pas." });
    expect(errorWording(status).title).toBe("La base de données ne répond pas");
    expect(errorWording(status).explanation).not.toContain("ne répond pas.");
  });

  it("gives a slow database's reason in the explanation", () => {
    const wording = errorWording({ state: "down", reason: "La base de données n'a pas répondu en 2 s." });
    expect(wording.title).toBe("La base de données ne répond pas");
    expect(wording.explanation).toMatch(/^La base de données n'a pas répondu en 2 s\. L'application reprendra/);
  });

  it("says « Une erreur est survenue » when the database answers, or the health check is missing or unreachable", async () => {
    answer(200, { status: "ok" });
    expect(errorWording(await fetchServiceStatus()).title).toBe("Une erreur est survenue");
    answer(404, "<html>");
    expect(await fetchServiceStatus()).toEqual({ state: "unknown" });
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(errorWording(await fetchServiceStatus()).title).toBe("Une erreur est survenue");
  });

  it("shows the digest of a server error as the reference, and none for a browser error", () => {
    expect(errorReference(Object.assign(new Error("x"), { digest: "2841679320" }))).toBe("2841679320");
    expect(errorReference(new Error("x"))).toBeNull();
    expect(errorReference("x")).toBeNull();
  });
});
