import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "@/db/client";
import { apiIdempotency, auditLog } from "@/db/schema";
import { makeUser } from "@/db/test-builders";
import { recordAudit } from "@/db/queries/audit";
import { apiRoute } from "./route";
import { ApiProblem } from "./problem";
import { callApi, makeApiKey, openApiTestDatabase } from "./testing";

let handle: DatabaseHandle;
let token = "";
let failNext = false;

// A write that leaves one audit row per run: what idempotency must not repeat.
const POST = apiRoute({ permission: "clients.edit", write: true, body: z.object({ note: z.string().min(1, "Note vide.") }) }, async ({ db, scope, body }) => {
  if (failNext) {
    failNext = false;
    throw new Error("boom");
  }
  await recordAudit(db, { userId: scope.userId, action: "test.note", targetType: "note", details: { note: body.note } });
  const [{ n }] = await db.select({ n: count() }).from(auditLog);
  return { status: 201, body: { note: body.note, run: n } };
});

const notes = async () => (await handle.db.select({ n: count() }).from(auditLog))[0].n;
const post = (body: unknown, key?: string) => callApi(POST, "POST", "/api/v1/test", { token, body, headers: key ? { "Idempotency-Key": key } : {} });

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const user = await makeUser(handle.db, "collector");
  token = await makeApiKey(handle.db, user.id);
});
afterAll(() => handle.close());

describe("Idempotency-Key", () => {
  it("replays the first answer to the same request without running it again", async () => {
    const first = await post({ note: "a" }, "k-1");
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const before = await notes();
    const again = await post({ note: "a" }, "k-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);
    expect(await notes()).toBe(before);
  });

  it("refuses the same key for another request", async () => {
    const other = await post({ note: "b" }, "k-1");
    expect(other.status).toBe(422);
    expect(((await other.json()) as { title: string }).title).toBe("Clé d'idempotence déjà utilisée");
  });

  it("gives the key back after a failure, so the retry runs", async () => {
    failNext = true;
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    const before = await notes();
    const failed = await post({ note: "c" }, "k-2");
    expect(failed.status).toBe(500);
    const body = (await failed.json()) as { title: string; reference: string; detail: string };
    expect(body.title).toBe("Erreur interne");
    expect(body.detail).not.toContain("boom");
    expect(body.reference).toMatch(/^[0-9a-f]{10}$/);
    const retried = await post({ note: "c" }, "k-2");
    expect(retried.status).toBe(201);
    expect(await notes()).toBe(before + 1);
    const stored = await handle.db.select().from(apiIdempotency);
    expect(stored.map((s) => [s.idempotencyKey, s.status])).toEqual(
      expect.arrayContaining([
        ["k-1", 201],
        ["k-2", 201],
      ]),
    );
  });

  it("answers 409 while the first request runs, and takes over a claim abandoned for ten minutes", async () => {
    const [{ keyId }] = await handle.db.select({ keyId: apiIdempotency.keyId }).from(apiIdempotency).limit(1);
    const hash = "unused: a claim in progress is refused whatever it was for";
    await handle.db.insert(apiIdempotency).values({ keyId, idempotencyKey: "k-3", requestHash: hash });
    const busy = await post({ note: "e" }, "k-3");
    expect(busy.status).toBe(409);
    await handle.db.update(apiIdempotency).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(apiIdempotency.idempotencyKey, "k-3"));
    const before = await notes();
    expect((await post({ note: "e" }, "k-3")).status).toBe(201);
    expect(await notes()).toBe(before + 1);
  });

  it("runs each POST without a key", async () => {
    const before = await notes();
    await post({ note: "d" });
    await post({ note: "d" });
    expect(await notes()).toBe(before + 2);
  });
});

describe("bodies", () => {
  it("answers 415 to a body that is not JSON and 422 to invalid JSON or fields", async () => {
    const form = new FormData();
    form.set("note", "x");
    const wrongType = await callApi(POST, "POST", "/api/v1/test", { token, form });
    expect(wrongType.status).toBe(415);
    const broken = await callApi(POST, "POST", "/api/v1/test", { token, body: undefined, headers: { "Content-Type": "application/json" } });
    expect(broken.status).toBe(422);
    const invalid = await post({ note: "" });
    expect(await invalid.json()).toMatchObject({ status: 422, errors: { "body.note": ["Note vide."] } });
  });

  it("turns an expected failure into its problem, with the request path as instance", async () => {
    const GET = apiRoute({ permission: "clients.read" }, async () => {
      throw new ApiProblem("conflict", "Déjà fait.");
    });
    const response = await callApi(GET, "GET", "/api/v1/x", { token });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ type: "urn:encaisse:probleme:conflict", title: "Conflit", status: 409, detail: "Déjà fait.", instance: "/api/v1/x" });
  });
});
