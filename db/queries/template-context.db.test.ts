import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { loadScope } from "./scope";
import { setOption } from "./settings";
import { loadTemplateContext, MAX_TEMPLATE_DOCUMENTS } from "./template-context";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector", { name: "Alice Martin", civility: "Madame", email: "alice@encaisse.test", phone: "01 02 03 04 05" });
  const bruno = await makeUser(db, "collector");
  const supervisor = await makeUser(db, "supervisor");
  const client = await makeClient(db, entity.id, {
    code: "C-ACME",
    name: "Acme SAS",
    address: "1 rue de la Paix",
    postalCode: "75002",
    city: "Paris",
    collectorId: alice.id,
    outstanding: "1150.00",
    overdue: "1000.00",
  });
  const bare = await makeClient(db, entity.id, { collectorId: alice.id });
  const other = await makeClient(db, entity.id, { collectorId: bruno.id });
  Object.assign(ids, { client: client.id, bare: bare.id, other: other.id });

  await db.insert(contacts).values([
    { clientId: client.id, name: "Premier Inscrit", role: "direction" },
    { clientId: client.id, civility: "Mme", name: "Claire Compta", role: "facturation" },
    { clientId: client.id, civility: "M.", name: "Marc Mobile", role: "comptabilité", recipientFor: ["sms"] },
  ]);
  await db.insert(contacts).values([
    { clientId: bare.id, name: "Zoé Direction", role: "direction", createdAt: new Date("2026-01-01T08:00:00Z") },
    { clientId: bare.id, name: "Yves Achats", role: "achats", createdAt: new Date("2026-02-01T08:00:00Z") },
  ]);
  await makeDocument(db, client.id, { number: "FA-2", amount: "1000.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  await makeDocument(db, client.id, { type: "credit_note", number: "AV-1", amount: "-100.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
  await makeDocument(db, client.id, { number: "FA-1", amount: "500.00", openAmount: "250.00", issueDate: "2026-10-15", dueDate: "2026-11-15" });
  await makeDocument(db, client.id, { number: "FA-0", amount: "900.00", issueDate: "2026-08-01", dueDate: "2026-09-01", status: "settled", settledDate: "2026-09-10" });
  for (let i = 0; i < MAX_TEMPLATE_DOCUMENTS + 5; i++) {
    await makeDocument(db, bare.id, { number: `B-${String(i).padStart(3, "0")}`, amount: "10.00", issueDate: "2026-01-01", dueDate: `2026-${String((i % 12) + 1).padStart(2, "0")}-10` });
  }
  await setOption(db, "company", { name: "Encaisse Démo", address: "10 quai Perrache\n69002 Lyon", city: "Lyon", phone: "", email: "", legalMentions: "", iban: "FR76 3000 4000 0500 0012 3456 789", bic: "", signature: "Le service recouvrement" });
  await setOption(db, "latePaymentRatePercent", "11.5");

  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.bruno = (await loadScope(db, bruno.id, today))!;
  scopes.supervisor = (await loadScope(db, supervisor.id, today))!;
});
afterAll(() => handle.close());

describe("loadTemplateContext", () => {
  it("gathers the client, its collector, the company, totals and open documents by due date", async () => {
    const context = await loadTemplateContext(handle.db, scopes.alice, ids.client, today, "email");
    expect(context).toEqual({
      today,
      client: { code: "C-ACME", name: "Acme SAS", address: "1 rue de la Paix", postalCode: "75002", city: "Paris", country: "FR" },
      contact: { civility: "Mme", name: "Claire Compta" },
      company: { name: "Encaisse Démo", address: "10 quai Perrache\n69002 Lyon", iban: "FR76 3000 4000 0500 0012 3456 789", signature: "Le service recouvrement" },
      collector: { name: "Alice Martin", civility: "Madame", email: "alice@encaisse.test", phone: "01 02 03 04 05" },
      totals: { outstanding: "1150.00", overdue: "1000.00" },
      documents: [
        { type: "invoice", number: "FA-2", issueDate: "2026-09-01", dueDate: "2026-10-01", amount: "1000.00", openAmount: "1000.00", currency: "EUR" },
        { type: "invoice", number: "FA-1", issueDate: "2026-10-15", dueDate: "2026-11-15", amount: "500.00", openAmount: "250.00", currency: "EUR" },
        { type: "credit_note", number: "AV-1", issueDate: "2026-11-01", dueDate: "2026-12-01", amount: "-100.00", openAmount: "-100.00", currency: "EUR" },
      ],
      penaltyRatePercent: "11.5",
    });
  });

  it("takes the channel's recipient first, then the billing contact, then the first contact", async () => {
    expect((await loadTemplateContext(handle.db, scopes.alice, ids.client, today, "sms"))?.contact).toEqual({ civility: "M.", name: "Marc Mobile" });
    expect((await loadTemplateContext(handle.db, scopes.alice, ids.client, today, "letter"))?.contact?.name).toBe("Claire Compta");
    expect((await loadTemplateContext(handle.db, scopes.alice, ids.bare, today, "letter"))?.contact?.name).toBe("Zoé Direction");
  });

  it("has no contact nor collector when the client has none", async () => {
    const context = await loadTemplateContext(handle.db, scopes.bruno, ids.other, today, "email");
    expect(context?.contact).toBeNull();
    expect(context?.collector?.name).toMatch(/^Utilisateur/);
    expect(context?.documents).toEqual([]);
  });

  it("lists at most 50 documents, the earliest due first", async () => {
    const context = await loadTemplateContext(handle.db, scopes.alice, ids.bare, today, "email");
    expect(context?.documents).toHaveLength(MAX_TEMPLATE_DOCUMENTS);
    const dues = context!.documents.map((d) => d.dueDate);
    expect(dues).toEqual([...dues].sort());
  });

  it("answers null for a client outside the scope or an id that is not one", async () => {
    expect(await loadTemplateContext(handle.db, scopes.bruno, ids.client, today, "email")).toBeNull();
    expect(await loadTemplateContext(handle.db, scopes.alice, ids.other, today, "email")).toBeNull();
    expect(await loadTemplateContext(handle.db, scopes.supervisor, ids.other, today, "email")).not.toBeNull();
    expect(await loadTemplateContext(handle.db, scopes.supervisor, "pas-un-id", today, "email")).toBeNull();
  });
});
