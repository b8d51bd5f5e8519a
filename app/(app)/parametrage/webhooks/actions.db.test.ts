import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { loadScope } from "@/db/queries/scope";
import { getWebhookSubscription, listWebhookSubscriptions } from "@/db/queries/webhook-deliveries";
import { makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Role } from "@/lib/auth/roles";

// The signed-in user; the database and the actions are real.
const signedIn = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createWebhookAction, deleteWebhookAction, setWebhookActiveAction } = await import("./actions");

let handle: DatabaseHandle;
const users = {} as Record<Role, unknown>;
const as = (role: Role) => {
  signedIn.current = users[role];
};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  const entity = await makeEntity(handle.db);
  for (const role of ["admin", "supervisor"] as const) {
    const user = await makeUser(handle.db, role, { entityIds: [entity.id] });
    users[role] = { db: handle.db, scope: await loadScope(handle.db, user.id, "2026-11-23", 0), user };
  }
});
afterAll(() => handle.close());

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("webhook subscription actions", () => {
  it("are for administrators only", async () => {
    as("supervisor");
    expect(await createWebhookAction(null, form([["url", "https://93.184.216.34/hook"], ["events[]", "import.failed"]]))).toEqual({
      ok: false,
      error: "Vous n'avez pas les droits nécessaires pour cette opération.",
    });
  });

  it("creates a subscription whose secret is returned once, refuses private addresses and an empty choice of events", async () => {
    as("admin");
    const noEvent = await createWebhookAction(null, form([["url", "https://93.184.216.34/hook"]]));
    expect(noEvent).toMatchObject({ ok: false, fieldErrors: { events: ["Choisissez au moins un événement."] } });
    const metadata = await createWebhookAction(null, form([["url", "http://169.254.169.254/latest"], ["events[]", "import.failed"]]));
    expect(metadata).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringContaining("Adresse privée ou interne refusée (169.254.169.254)")] } });

    const created = await createWebhookAction(
      null,
      form([["url", "https://93.184.216.34/hook"], ["description", " ERP "], ["events[]", "payment.received"], ["events[]", "import.failed"]]),
    );
    if (!created.ok) throw new Error(created.error);
    expect(created.data.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const stored = await getWebhookSubscription(handle.db, created.data.id);
    expect(stored).toMatchObject({ url: "https://93.184.216.34/hook", description: "ERP", events: ["payment.received", "import.failed"], active: true, secret: created.data.secret });
    // The list never carries the secret.
    expect(Object.keys((await listWebhookSubscriptions(handle.db))[0])).not.toContain("secret");

    expect(await setWebhookActiveAction(null, { id: created.data.id, active: "false" })).toMatchObject({ ok: true });
    expect((await getWebhookSubscription(handle.db, created.data.id))?.active).toBe(false);
    expect(await deleteWebhookAction(null, { id: created.data.id })).toMatchObject({ ok: true });
    expect(await getWebhookSubscription(handle.db, created.data.id)).toBeNull();
    expect(await deleteWebhookAction(null, { id: created.data.id })).toEqual({ ok: false, error: "Abonnement introuvable." });
  });
});
