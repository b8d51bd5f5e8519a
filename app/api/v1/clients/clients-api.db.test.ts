import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys, auditLog, clients } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import { GET as list } from "./route";
import { GET as get, PATCH as patch } from "./[id]/route";

type Page = { data: { id: string; code: string; outstanding: string; collector: { id: string } | null; paused_until: string | null }[]; next_cursor: string | null };
type Problem = { type: string; title: string; status: number; detail?: string; errors?: Record<string, string[]> };

let handle: DatabaseHandle;
const ids = { mine: [] as string[], other: "" };
const tokens = { admin: "", collector: "", readOnly: "", revoked: "", expired: "", tight: "" };
let otherCollector = "";

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db, "DIST");
  const admin = await makeUser(db, "admin");
  const collector = await makeUser(db, "collector");
  const other = await makeUser(db, "collector");
  otherCollector = other.id;
  // Seven clients of the collector with outstanding 100, 200, … 700; one of another portfolio with 5 000.
  for (let i = 1; i <= 7; i++) {
    const c = await makeClient(db, entity.id, { code: `M${i}`, name: `Mien ${i}`, collectorId: collector.id, outstanding: `${i * 100}.00`, overdue: `${i * 10}.00` });
    ids.mine.push(c.id);
  }
  ids.other = (await makeClient(db, entity.id, { code: "X1", name: "Autre", collectorId: other.id, outstanding: "5000.00" })).id;
  tokens.admin = await makeApiKey(db, admin.id);
  tokens.collector = await makeApiKey(db, collector.id);
  tokens.readOnly = await makeApiKey(db, collector.id, { readOnly: true });
  tokens.revoked = await makeApiKey(db, collector.id);
  await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.prefix, tokens.revoked.split("_").slice(0, 2).join("_")));
  tokens.expired = await makeApiKey(db, collector.id, { expiresAt: new Date(Date.now() - 1000) });
  tokens.tight = await makeApiKey(db, collector.id, { requestsPerMinute: 2 });
});
afterAll(() => handle.close());

describe("GET /clients", () => {
  it("walks a collector's portfolio by cursor, never another one", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/clients?limit=3&sort=outstanding${cursor ? `&cursor=${cursor}` : ""}`;
      const body: Page = await expectContract<Page>(await callApi(list, "GET", url, { token: tokens.collector }), "GET", "/clients");
      seen.push(...body.data.map((c) => c.code));
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // Amounts sort largest first by default.
    expect(seen).toEqual(["M7", "M6", "M5", "M4", "M3", "M2", "M1"]);
  });

  it("gives an administrator every client, with the list's filters", async () => {
    const all = await expectContract<Page>(await callApi(list, "GET", "/api/v1/clients?limit=100", { token: tokens.admin }), "GET", "/clients");
    expect(all.data).toHaveLength(8);
    expect(all.next_cursor).toBeNull();
    const filtered = await expectContract<Page>(
      await callApi(list, "GET", `/api/v1/clients?outstanding_min=300&outstanding_max=600&collector_id=${all.data.find((c) => c.code === "M1")!.collector!.id}`, { token: tokens.admin }),
      "GET",
      "/clients",
    );
    expect(filtered.data.map((c) => c.code)).toEqual(["M3", "M4", "M5", "M6"]);
    expect(filtered.data[0].outstanding).toBe("300.00");
  });

  it("answers 304 to a matching If-None-Match, and a new ETag once data changed", async () => {
    const first = await callApi(list, "GET", "/api/v1/clients?limit=2", { token: tokens.collector });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const again = await callApi(list, "GET", "/api/v1/clients?limit=2", { token: tokens.collector, headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    await handle.db.update(clients).set({ outstanding: "9999.00" }).where(eq(clients.id, ids.mine[0]));
    const changed = await callApi(list, "GET", "/api/v1/clients?limit=2", { token: tokens.collector, headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    await handle.db.update(clients).set({ outstanding: "100.00" }).where(eq(clients.id, ids.mine[0]));
  });

  it("refuses bad parameters and foreign cursors with a French problem", async () => {
    const bad = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/clients?limit=900&has_overdue=peut-etre", { token: tokens.admin }), "GET", "/clients");
    expect(bad.status).toBe(422);
    expect(bad.title).toBe("Requête invalide");
    expect(bad.errors).toEqual({ limit: ["Au plus 500."], has_overdue: ["« true » ou « false » attendu."] });
    // zod's own messages, where the contract gives none, are in French too.
    const id = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/clients?entity_id=DIST&sort=solde", { token: tokens.admin }), "GET", "/clients");
    expect(id.errors?.entity_id).toEqual(["UUID invalide"]);
    expect(id.errors?.sort?.[0]).toMatch(/^Option invalide/);
    const cursor = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/clients?cursor=abc", { token: tokens.admin }), "GET", "/clients");
    expect(cursor.detail).toMatch(/curseur/);
  });
});

describe("keys", () => {
  it("answers 401 without a key, with an unknown, a revoked or an expired one", async () => {
    for (const [token, detail] of [
      [null, /Authorization: Bearer/],
      ["enc_nope_nope", /inconnue/],
      [tokens.revoked, /révoquée/],
      [tokens.expired, /expiré/],
    ] as const) {
      const response = await callApi(list, "GET", "/api/v1/clients", { token });
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      const problem = await expectContract<Problem>(response, "GET", "/clients");
      expect(problem.status).toBe(401);
      expect(problem.detail).toMatch(detail);
    }
  });

  it("limits a key's requests per minute with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 3; i++) {
      last = await callApi(list, "GET", "/api/v1/clients?limit=1", { token: tokens.tight });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const retryAfter = Number(last!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await expectContract<Problem>(last!, "GET", "/clients")).title).toBe("Trop de requêtes");
    const [key] = await handle.db.select().from(apiKeys).where(eq(apiKeys.requestsPerMinute, 2));
    expect(key.lastUsedAt).not.toBeNull();
  });
});

describe("GET and PATCH /clients/{id}", () => {
  it("reads a client of the portfolio; another portfolio's is not found", async () => {
    const mine = await expectContract<{ id: string; code: string; entity: { code: string } }>(
      await callApi(get, "GET", `/api/v1/clients/${ids.mine[1]}`, { token: tokens.collector, params: { id: ids.mine[1] } }),
      "GET",
      "/clients/{id}",
    );
    expect(mine).toMatchObject({ code: "M2", entity: { code: "DIST" } });
    for (const id of [ids.other, "pas-un-uuid"]) {
      const missing = await callApi(get, "GET", `/api/v1/clients/${id}`, { token: tokens.collector, params: { id } });
      expect((await expectContract<Problem>(missing, "GET", "/clients/{id}")).status).toBe(404);
    }
  });

  it("lets a collector pause reminders, with the fiche's audit entry, but not reassign", async () => {
    const id = ids.mine[2];
    const paused = await callApi(patch, "PATCH", `/api/v1/clients/${id}`, { token: tokens.collector, params: { id }, body: { pause: { until: "2099-01-31", reason: "Accord du DAF" } } });
    expect((await expectContract<Page["data"][number]>(paused, "PATCH", "/clients/{id}")).paused_until).toBe("2099-01-31");
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(["client.pause"]);
    const reassign = await callApi(patch, "PATCH", `/api/v1/clients/${id}`, { token: tokens.collector, params: { id }, body: { collector_id: otherCollector } });
    expect((await expectContract<Problem>(reassign, "PATCH", "/clients/{id}")).status).toBe(403);
    const [row] = await handle.db.select().from(clients).where(eq(clients.id, id));
    expect(row.collectorId).not.toBe(otherCollector);
  });

  it("lets an administrator reassign; a read-only key and another portfolio are refused", async () => {
    const id = ids.mine[3];
    const moved = await callApi(patch, "PATCH", `/api/v1/clients/${id}`, { token: tokens.admin, params: { id }, body: { collector_id: otherCollector } });
    expect((await expectContract<Page["data"][number]>(moved, "PATCH", "/clients/{id}")).collector?.id).toBe(otherCollector);
    const readOnly = await callApi(patch, "PATCH", `/api/v1/clients/${ids.mine[4]}`, { token: tokens.readOnly, params: { id: ids.mine[4] }, body: { pause: null } });
    expect((await expectContract<Problem>(readOnly, "PATCH", "/clients/{id}")).detail).toMatch(/lecture seule/);
    const foreign = await callApi(patch, "PATCH", `/api/v1/clients/${ids.other}`, { token: tokens.collector, params: { id: ids.other }, body: { pause: null } });
    expect((await expectContract<Problem>(foreign, "PATCH", "/clients/{id}")).status).toBe(404);
    const empty = await callApi(patch, "PATCH", `/api/v1/clients/${id}`, { token: tokens.admin, params: { id }, body: {} });
    expect((await expectContract<Problem>(empty, "PATCH", "/clients/{id}")).status).toBe(422);
  });
});
