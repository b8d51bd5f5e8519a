import { notFound } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withErrorResponse } from "./route-errors";

const request = new Request("http://encaisse.test/api/clients/search?q=du");

describe("route handler errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a French 503 with a logged reference when the database is unreachable", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const handler = withErrorResponse(async (incoming: Request) => {
      throw new Error(`Failed query: select 1 (${incoming.method})`, { cause });
    });
    const response = await handler(request);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { error: string; reference: string };
    expect(body.error).toBe("La base de données ne répond pas : réessayez dans quelques instants.");
    expect(body.reference).toMatch(/^[0-9a-f]{10}$/);
    const line = String(log.mock.calls[0][0]);
    expect(line).toContain(`Référence ${body.reference}`);
    expect(line).toContain("GET /api/clients/search");
    expect(line).toContain("ECONNREFUSED");
    expect(JSON.stringify(body)).not.toContain("Failed query");
  });

  it("answers a French 500 for any other failure, without its message", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await withErrorResponse(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    })();
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/^Une erreur est survenue/);
    expect(JSON.stringify(body)).not.toContain("Cannot read");
  });

  it("passes responses through and leaves Next.js's own not-found to Next.js", async () => {
    const ok = await withErrorResponse(async () => Response.json({ rows: [] }))();
    expect(ok.status).toBe(200);
    await expect(withErrorResponse(async () => notFound())()).rejects.toThrow();
  });
});
