import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { type ContactInput, createContact, deleteContact, listContacts, updateContact } from "./contacts";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};

const contact = (name: string, recipientFor: ContactInput["recipientFor"] = []): ContactInput => ({
  civility: "Mme",
  name,
  role: "facturation",
  email: `${name.toLowerCase()}@client.fr`,
  phone: null,
  mobile: null,
  recipientFor,
});

async function recipients(clientId: string) {
  const rows = await handle.db
    .select({ name: contacts.name, recipientFor: contacts.recipientFor })
    .from(contacts)
    .where(eq(contacts.clientId, clientId))
    .orderBy(asc(contacts.name));
  return Object.fromEntries(rows.map((r) => [r.name, [...r.recipientFor].sort()]));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  for (const key of ["alice", "bruno"]) {
    const user = await makeUser(db, "collector");
    ids[key] = user.id;
    scopes[key] = (await loadScope(db, user.id, today))!;
  }
  ids.ofAlice = (await makeClient(db, entity.id, { collectorId: ids.alice })).id;
  ids.ofBruno = (await makeClient(db, entity.id, { collectorId: ids.bruno })).id;
});
afterAll(() => handle.close());

describe("contacts", () => {
  it("keeps one reminder recipient per channel: a contact taking a channel takes it from the others", async () => {
    const { db } = handle;
    ids.anne = (await createContact(db, scopes.alice, ids.ofAlice, contact("Anne", ["email", "letter", "sms"])))!;
    ids.bernard = (await createContact(db, scopes.alice, ids.ofAlice, contact("Bernard", ["email"])))!;
    ids.other = (await createContact(db, scopes.bruno, ids.ofBruno, contact("Odile", ["email", "sms"])))!;
    expect(await recipients(ids.ofAlice)).toEqual({ Anne: ["letter", "sms"], Bernard: ["email"] });

    expect(await updateContact(db, scopes.alice, ids.ofAlice, ids.anne, contact("Anne", ["email", "sms"]))).toBe(true);
    expect(await recipients(ids.ofAlice)).toEqual({ Anne: ["email", "sms"], Bernard: [] });

    await createContact(db, scopes.alice, ids.ofAlice, contact("Claire", ["letter", "sms"]));
    expect(await recipients(ids.ofAlice)).toEqual({ Anne: ["email"], Bernard: [], Claire: ["letter", "sms"] });
    // Another client's recipients are left alone.
    expect(await recipients(ids.ofBruno)).toEqual({ Odile: ["email", "sms"] });
  });

  it("lists recipients first, then by name, within the scope only", async () => {
    expect((await listContacts(handle.db, scopes.alice, ids.ofAlice)).map((c) => c.name)).toEqual(["Claire", "Anne", "Bernard"]);
    expect(await listContacts(handle.db, scopes.bruno, ids.ofAlice)).toEqual([]);
  });

  it("refuses to create, change or delete a contact of a client outside the scope", async () => {
    const { db } = handle;
    expect(await createContact(db, scopes.bruno, ids.ofAlice, contact("Intrus", ["email"]))).toBeNull();
    expect(await updateContact(db, scopes.bruno, ids.ofAlice, ids.anne, contact("Changé"))).toBe(false);
    // A contact id of another client under one's own client id does not match either.
    expect(await updateContact(db, scopes.bruno, ids.ofBruno, ids.anne, contact("Changé"))).toBe(false);
    expect(await deleteContact(db, scopes.bruno, ids.ofAlice, ids.anne)).toBeNull();
    expect(await recipients(ids.ofAlice)).toEqual({ Anne: ["email"], Bernard: [], Claire: ["letter", "sms"] });
  });

  it("deletes a contact of the scope", async () => {
    expect(await deleteContact(handle.db, scopes.alice, ids.ofAlice, ids.bernard)).toBe("Bernard");
    expect(Object.keys(await recipients(ids.ofAlice))).toEqual(["Anne", "Claire"]);
  });
});
