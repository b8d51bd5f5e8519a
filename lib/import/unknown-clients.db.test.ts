/**
 * Client codes a documents file names but the book does not hold: rejected by default, created on request
 * (« Créer les clients inconnus », --create-clients, or a profile saved with the option).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { findImportProfile } from "@/db/queries/import-profiles";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { inspectImportFile } from "./inspect-file";
import { type ImportRequest, runImport } from "./run-import";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-new-clients-"));
// The file holds open invoices only: every import of it ends with the note on the DSO.
const OPEN_ITEMS_NOTE =
  " Seules des pièces ouvertes sont connues : pour un DSO juste, importez aussi les factures réglées des 24 derniers mois.";
const request = (file: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  kind: "documents", filePath: path.join(dir, file), fileName: file, mode: "incremental", importDate: "2026-12-03",
  userId: null, acceptRowErrors: false, ...extra,
});
const clientsNamed = (prefix: string) =>
  queryRows<{ code: string; name: string; entity: string; collector: string | null; terms: number }>(
    handle.db,
    sql`select c.code, c.name, e.code as entity, c.collector_id::text as collector, c.payment_terms_days as terms
        from clients c join entities e on e.id = c.entity_id where c.code like ${`${prefix}%`} order by c.code`,
  );
const dueDates = () =>
  queryRows<{ number: string; due: string }>(
    handle.db,
    sql`select number, due_date::text as due from documents where number like 'N-%' order by number`,
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  const dist = await makeEntity(handle.db, "DIST");
  await makeEntity(handle.db, "LYON");
  await makeClient(handle.db, dist.id, { code: "KNOWN-1", name: "Déjà Connu SA" });
  fs.writeFileSync(
    path.join(dir, "nouveaux.csv"),
    [
      "Société;Code client;Nom du client;N° facture;Date facture;Échéance;Montant TTC",
      ";NEW-1;Nouvelle Société SAS;N-1;01/11/2026;01/12/2026;100,00",
      ";NEW-1;;N-2;05/11/2026;;50,00",
      ";NEW-2;;N-3;03/11/2026;;75,00",
      "LYON;NEW-3;Lyon Frais SARL;N-4;04/11/2026;;20,00",
      ";KNOWN-1;Autre Nom;N-5;04/11/2026;;10,00",
    ].join("\n") + "\n",
  );
});
afterAll(() => handle.close());

describe("unknown client codes in a documents file", () => {
  it("are counted in the preview, with the option that creates them", async () => {
    const inspection = await inspectImportFile(handle.db, request("nouveaux.csv"));
    expect(inspection.warnings).toEqual([
      {
        code: "unknown_clients", count: 4, rows: [2, 3, 4, 5],
        message:
          "3 codes clients inconnus sur 4 lignes (« NEW-1 », « NEW-2 », « NEW-3 ») : ces lignes seront rejetées. " +
          "Cochez « Créer les clients inconnus » (--create-clients) pour créer ces clients.",
      },
    ]);
    const asked = await inspectImportFile(handle.db, request("nouveaux.csv", { createClients: true }));
    expect(asked.warnings[0].message).toBe(
      "3 codes clients inconnus sur 4 lignes (« NEW-1 », « NEW-2 », « NEW-3 ») : ces clients seront créés à l'import " +
        "(« Créer les clients inconnus »).",
    );
  });

  it("are row errors without the option, and nothing is created", async () => {
    const outcome = await runImport(handle.db, request("nouveaux.csv"));
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toBe("4 lignes en erreur : fichier refusé, aucune donnée modifiée.");
    expect(outcome.errors.map((e) => [e.row, e.value, e.reason])).toEqual([
      [2, "NEW-1", "Client inconnu : importez-le d'abord dans le fichier clients."],
      [3, "NEW-1", "Client inconnu : importez-le d'abord dans le fichier clients."],
      [4, "NEW-2", "Client inconnu : importez-le d'abord dans le fichier clients."],
      [5, "NEW-3", "Client inconnu : importez-le d'abord dans le fichier clients."],
    ]);
    expect(await clientsNamed("NEW-")).toEqual([]);
  });

  it("are created with the option, in their société, named by the file or by their code, without collector, at 30 days", async () => {
    const outcome = await runImport(handle.db, request("nouveaux.csv", { createClients: true, saveProfileAs: "Pièces et nouveaux clients" }));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.message).toBe(`Import terminé : 5 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s). 3 clients créés d'après le fichier.${OPEN_ITEMS_NOTE}`);
    expect(await clientsNamed("NEW-")).toEqual([
      { code: "NEW-1", name: "Nouvelle Société SAS", entity: "DIST", collector: null, terms: 30 },
      { code: "NEW-2", name: "NEW-2", entity: "DIST", collector: null, terms: 30 },
      { code: "NEW-3", name: "Lyon Frais SARL", entity: "LYON", collector: null, terms: 30 },
    ]);
    // A known client keeps its name. Without a due date: issue date + 30 days (5 Nov → 5 Dec, 3 Nov → 3 Dec…).
    expect((await clientsNamed("KNOWN-"))[0].name).toBe("Déjà Connu SA");
    expect(await dueDates()).toEqual([
      { number: "N-1", due: "2026-12-01" },
      { number: "N-2", due: "2026-12-05" },
      { number: "N-3", due: "2026-12-03" },
      { number: "N-4", due: "2026-12-04" },
      { number: "N-5", due: "2026-12-04" },
    ]);
    expect((await findImportProfile(handle.db, "Pièces et nouveaux clients"))?.settings.createClients).toBe(true);
  });

  it("changes nothing when the file is imported again", async () => {
    const outcome = await runImport(handle.db, request("nouveaux.csv", { createClients: true }));
    expect(outcome.message).toBe(`Import terminé : 0 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).${OPEN_ITEMS_NOTE}`);
    expect((await clientsNamed("NEW-")).length).toBe(3);
  });

  it("are created by a profile saved with the option", async () => {
    fs.writeFileSync(
      path.join(dir, "nouveaux-2.csv"),
      "Société;Code client;Nom du client;N° facture;Date facture;Échéance;Montant TTC\n;NEW-4;Quatrième SAS;N-6;06/11/2026;;30,00\n",
    );
    const outcome = await runImport(handle.db, request("nouveaux-2.csv", { profile: "Pièces et nouveaux clients" }));
    expect(outcome.message).toBe(`Import terminé : 1 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s). 1 client créé d'après le fichier.${OPEN_ITEMS_NOTE}`);
    expect((await clientsNamed("NEW-4"))[0]).toMatchObject({ name: "Quatrième SAS", entity: "DIST" });
  });
});
