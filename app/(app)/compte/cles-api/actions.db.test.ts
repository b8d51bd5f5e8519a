import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { findApiKey } from "@/db/queries/api-keys";
import { loadScope } from "@/db/queries/scope";
import { apiKeys, auditLog } from "@/db/schema";
import { makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { expiryInstant } from "@/components/api-keys/key-dates";
import { hashApiKey } from "@/lib/api/keys";
import { addDays, today } from "@/lib/dates";

// The signed-in user; the database and the actions are real.
const signedIn = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createOwnApiKeyAction, revokeOwnApiKeyAction } = await import("./actions");
const { createApiKeyForUserAction, revokeAnyApiKeyAction } = await import("../../parametrage/cles-api/actions");

let handle: DatabaseHandle;
const people = {} as Record<"admin" | "collector" | "colleague" | "supervisor" | "former", { id: string; session: unknown }>;
const as = (who: keyof typeof people) => {
  signedIn.current = people[who].session;
};
const refused = { ok: false, error: "Vous n'avez pas les droits nécessaires pour cette opération." };
const keyRow = async (id: string) => (await handle.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0];

/** Creates a key through the action, as `who`, and returns its token and row. */
async function ownKey(who: keyof typeof people, name: string) {
  as(who);
  const result = await createOwnApiKeyAction(null, { name });
  if (!result.ok) throw new Error(result.error);
  const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.prefix, result.data.prefix));
  return { token: result.data.token, row };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db);
  const roles = { admin: "admin", collector: "collector", colleague: "collector", supervisor: "supervisor", former: "sales" } as const;
  for (const [who, role] of Object.entries(roles) as [keyof typeof people, (typeof roles)[keyof typeof roles]][]) {
    const user = await makeUser(handle.db, role, { entityIds: [entity.id], active: who !== "former" });
    people[who] = { id: user.id, session: { db: handle.db, scope: await loadScope(handle.db, user.id, "2026-11-23", 0), user } };
  }
});
afterAll(() => handle.close());

describe("a user's own API keys", () => {
  it("creates a read-only key with a last day, returns its token once and keeps only its hash", async () => {
    as("collector");
    const lastDay = addDays(today(), 30);
    const result = await createOwnApiKeyAction(null, { name: "  Power BI  ", readOnly: "on", expiresOn: lastDay });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.name).toBe("Power BI");
    expect(result.data.token.startsWith(`${result.data.prefix}_`)).toBe(true);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.prefix, result.data.prefix));
    expect(row).toMatchObject({ userId: people.collector.id, createdBy: people.collector.id, readOnly: true, revokedAt: null });
    expect(row.expiresAt).toEqual(expiryInstant(lastDay, "Europe/Paris"));
    expect(row.secretHash).toBe(hashApiKey(result.data.token));
    expect(JSON.stringify(row)).not.toContain(result.data.token);
    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "api_key.create"), eq(auditLog.targetId, row.id)));
    expect(audit).toHaveLength(1);
  });

  it("refuses an empty name and a last day already past, field by field", async () => {
    as("collector");
    const result = await createOwnApiKeyAction(null, { name: " ", expiresOn: addDays(today(), -1) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: ["Donnez un nom à la clé."] } });
    const past = await createOwnApiKeyAction(null, { name: "Hier", expiresOn: addDays(today(), -1) });
    expect(past).toMatchObject({ ok: false, fieldErrors: { expiresOn: ["La date est passée."] } });
    // A key for today only is still allowed: it works until midnight.
    expect((await createOwnApiKeyAction(null, { name: "Aujourd'hui", expiresOn: today() })).ok).toBe(true);
  });

  it("revokes one's own key, which then stops working; a second revocation is refused", async () => {
    const { token, row } = await ownKey("collector", "Tableur");
    expect((await findApiKey(handle.db, hashApiKey(token), new Date())).status).toBe("ok");
    expect(await revokeOwnApiKeyAction(null, { id: row.id })).toMatchObject({ ok: true, message: "Clé révoquée." });
    expect((await findApiKey(handle.db, hashApiKey(token), new Date())).status).toBe("revoked");
    expect(await revokeOwnApiKeyAction(null, { id: row.id })).toEqual({ ok: false, error: "Clé introuvable ou déjà révoquée." });
  });

  it("never revokes someone else's key through one's own keys, even for an administrator", async () => {
    const { row } = await ownKey("colleague", "ERP du collègue");
    for (const who of ["collector", "supervisor", "admin"] as const) {
      as(who);
      expect(await revokeOwnApiKeyAction(null, { id: row.id })).toEqual({ ok: false, error: "Clé introuvable ou déjà révoquée." });
    }
    expect((await keyRow(row.id)).revokedAt).toBeNull();
  });
});

describe("everyone's API keys, for administrators", () => {
  it("refuses a collector and a supervisor: no revocation of others' keys, no key for someone else", async () => {
    const { row } = await ownKey("colleague", "Intégration");
    for (const who of ["collector", "supervisor"] as const) {
      as(who);
      expect(await revokeAnyApiKeyAction(null, { id: row.id })).toEqual(refused);
      expect(await createApiKeyForUserAction(null, { userId: people.collector.id, name: "Pour moi" })).toEqual(refused);
    }
    expect((await keyRow(row.id)).revokedAt).toBeNull();
  });

  it("lets an administrator revoke anyone's key, with an audit entry in their name", async () => {
    const { token, row } = await ownKey("colleague", "À couper");
    as("admin");
    expect(await revokeAnyApiKeyAction(null, { id: row.id })).toMatchObject({ ok: true });
    expect((await findApiKey(handle.db, hashApiKey(token), new Date())).status).toBe("revoked");
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "api_key.revoke"), eq(auditLog.targetId, row.id)));
    expect(audit.userId).toBe(people.admin.id);
  });

  it("creates a key acting as another active user, not as the administrator", async () => {
    as("admin");
    const result = await createApiKeyForUserAction(null, { userId: people.supervisor.id, name: "Entrepôt de données" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lookup = await findApiKey(handle.db, hashApiKey(result.data.token), new Date());
    expect(lookup).toMatchObject({ status: "ok", key: { userId: people.supervisor.id, readOnly: false } });
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.prefix, result.data.prefix));
    expect(row.createdBy).toBe(people.admin.id);
  });

  it("refuses a key for a deactivated user or no one", async () => {
    as("admin");
    expect(await createApiKeyForUserAction(null, { userId: people.former.id, name: "Ancien" })).toMatchObject({
      ok: false,
      fieldErrors: { userId: ["Utilisateur introuvable ou désactivé."] },
    });
    expect(await createApiKeyForUserAction(null, { userId: "", name: "Personne" })).toMatchObject({ ok: false, fieldErrors: { userId: ["Choisissez l'utilisateur."] } });
    expect(await handle.db.select().from(apiKeys).where(eq(apiKeys.userId, people.former.id))).toEqual([]);
  });
});
