import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { clients, contacts } from "@/db/schema";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type ImportRequest, runImport } from "./run-import";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-import-contacts-"));

function importClients(file: string, lines: string[]) {
  fs.writeFileSync(path.join(dir, file), lines.join("\n") + "\n");
  const request: ImportRequest = { kind: "clients", filePath: path.join(dir, file), fileName: file, mode: "incremental", importDate: "2026-11-23", userId: null, acceptRowErrors: false };
  return runImport(handle.db, request);
}

async function contactsOf(code: string) {
  return handle.db
    .select({ name: contacts.name, civility: contacts.civility, role: contacts.role })
    .from(contacts)
    .innerJoin(clients, eq(clients.id, contacts.clientId))
    .where(eq(clients.code, code))
    .orderBy(asc(contacts.createdAt), asc(contacts.name));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  const c1 = await makeClient(handle.db, entity.id, { code: "C1", name: "Dupont SA" });
  await makeClient(handle.db, entity.id, { code: "C2", name: "Martin SARL" });
  const c3 = await makeClient(handle.db, entity.id, { code: "C3", name: "Bernard SAS" });
  await handle.db.insert(contacts).values([
    { clientId: c1.id, name: "Anne Leroy", role: "facturation", createdAt: new Date("2026-01-01T08:00:00Z") },
    { clientId: c3.id, name: "Paul Achats", civility: "Monsieur", role: "achats", createdAt: new Date("2026-01-01T08:00:00Z") },
    { clientId: c3.id, name: "Marc Bernard", civility: "Monsieur", role: "facturation", createdAt: new Date("2026-02-01T08:00:00Z") },
  ]);
});
afterAll(() => handle.close());

describe("clients import, contact and civilité", () => {
  it("gives a known contact its civilité, adds a new one as billing contact, never blanks a known civilité", async () => {
    const outcome = await importClients("clients.csv", [
      "Code client;Raison sociale;Civilite;Nom du contact",
      "C1;Dupont SA;MME;anne leroy",
      "C2;Martin SARL;M.;Éric Roussel",
      "C3;Bernard SAS;;",
      "C4;Nouveau SAS;Mlle;",
    ]);
    expect(outcome.status).toBe("succeeded");
    expect(await contactsOf("C1")).toEqual([{ name: "Anne Leroy", civility: "Madame", role: "facturation" }]);
    expect(await contactsOf("C2")).toEqual([{ name: "Éric Roussel", civility: "Monsieur", role: "facturation" }]);
    expect(await contactsOf("C3")).toEqual([
      { name: "Paul Achats", civility: "Monsieur", role: "achats" },
      { name: "Marc Bernard", civility: "Monsieur", role: "facturation" },
    ]);
    // A civilité with nobody to address is dropped, not turned into a nameless contact.
    expect(await contactsOf("C4")).toEqual([]);
  });

  it("puts a civilité given without a name on the billing contact, and imports the same file twice to the same result", async () => {
    const lines = ["Code client;Raison sociale;Civilité", "C3;Bernard SAS;Madame", "C2;Martin SARL;Dr"];
    expect((await importClients("civilites.csv", lines)).status).toBe("succeeded");
    expect((await importClients("civilites.csv", lines)).status).toBe("succeeded");
    expect(await contactsOf("C3")).toEqual([
      { name: "Paul Achats", civility: "Monsieur", role: "achats" },
      { name: "Marc Bernard", civility: "Madame", role: "facturation" },
    ]);
    // « Dr » is no civilité letters can use: Éric Roussel keeps his.
    expect(await contactsOf("C2")).toEqual([{ name: "Éric Roussel", civility: "Monsieur", role: "facturation" }]);
  });
});
