import type { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env reads the environment once, when first imported: each case loads the route afresh.
async function loadRoute(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return import("./route");
}

const request = (method: string) =>
  new Request("http://localhost:3000/api/inngest", { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" }) as NextRequest;

afterEach(() => vi.unstubAllEnvs());

describe("/api/inngest", () => {
  it("is not served without Inngest keys", async () => {
    const route = await loadRoute({ INNGEST_SIGNING_KEY: "", INNGEST_EVENT_KEY: "", INNGEST_DEV: "" });
    for (const [method, handler] of [["GET", route.GET], ["POST", route.POST], ["PUT", route.PUT]] as const) {
      const response = await handler(request(method), {});
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "Page introuvable." });
    }
  });

  it("is served to a developer's Inngest dev server", async () => {
    const route = await loadRoute({ INNGEST_SIGNING_KEY: "", INNGEST_DEV: "1" });
    const response = await route.GET(request("GET"), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ function_count: expect.any(Number) });
  });
});
