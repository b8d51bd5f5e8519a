import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { clients, documents, imports } from "@/db/schema";
import { findImportProfile } from "@/db/queries/import-profiles";
import { makeEntity, makeGroup } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type ImportRequest, runImport } from "./run-import";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-import-"));

function request(kind: ImportRequest["kind"], file: string, extra: Partial<ImportRequest> = {}): ImportRequest {
  return { kind, filePath: path.join(dir, file), fileName: file, mode: "incremental", importDate: "2026-11-23", userId: null, acceptRowErrors: false, ...extra };
}

async function writeClientsXlsx() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Clients");
  sheet.addRow(["Export clients — ERP Sage 100", "", "", ""]);
  sheet.addRow([]);
  sheet.addRow(["Code client", "Raison sociale", "SIREN", "Ville", "Délai de paiement"]);
  sheet.addRow(["00412", "Menuiserie Dupont SARL", "404833048", "Lyon", 45]);
  sheet.addRow(["00413", "Transports Bernard SAS", "552 032 534", "Lille ", "30"]);
  await workbook.xlsx.writeFile(path.join(dir, "clients.xlsx"));
}

function writeDocumentsCsv(name: string, lines: string[]) {
  fs.writeFileSync(path.join(dir, name), iconv.encode(lines.join("\r\n") + "\r\n", "windows-1252"));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await makeEntity(handle.db, "DIST");
  await writeClientsXlsx();
  writeDocumentsCsv("pieces.csv", [
    "Code client;N° facture;Type;Date facture;Échéance;Montant TTC;Reste dû",
    "00412;FA-1001;Facture;01/10/2026;15/11/2026;1 234,56 €;1 234,56",
    "00412;AV-0007;Avoir;05/10/2026;05/10/2026;-150,00;-150,00",
    "00413;AV-0008;Avoir;2026-10-20;2026-11-19;(99,90);99,90",
  ]);
});
afterAll(() => handle.close());

describe("import from real files", () => {
  it("imports clients from an xlsx with a title row above the header, keeping leading zeros", async () => {
    const outcome = await runImport(handle.db, request("clients", "clients.xlsx"));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.counts).toMatchObject({ read: 2, inserted: 2, updated: 0, rejected: 0 });
    const rows = await handle.db.select({ code: clients.code, city: clients.city, terms: clients.paymentTermsDays, siren: clients.siren }).from(clients).orderBy(asc(clients.code));
    expect(rows).toEqual([
      { code: "00412", city: "Lyon", terms: 45, siren: "404833048" },
      { code: "00413", city: "Lille", terms: 30, siren: "552032534" },
    ]);
  });

  it("imports a semicolon Windows-1252 CSV with French amounts and dates, and updates balances and groups", async () => {
    const group = await makeGroup(handle.db, { name: "Échu > 1 000 €", priority: 1, criteria: [{ field: "overdue", operator: "gt", value: 1000 }] });
    const outcome = await runImport(handle.db, request("documents", "pieces.csv", { mode: "snapshot" }));
    expect(outcome.message).toContain("Import terminé");
    expect(outcome.counts).toMatchObject({ read: 3, inserted: 3, updated: 0, settled: 0, rejected: 0 });
    const rows = await handle.db.select({ number: documents.number, amount: documents.amount, open: documents.openAmount, due: documents.dueDate }).from(documents).orderBy(asc(documents.number));
    expect(rows).toEqual([
      { number: "AV-0007", amount: "-150.00", open: "-150.00", due: "2026-10-05" },
      { number: "AV-0008", amount: "-99.90", open: "-99.90", due: "2026-11-19" },
      { number: "FA-1001", amount: "1234.56", open: "1234.56", due: "2026-11-15" },
    ]);
    const [client] = await handle.db.select().from(clients).where(eq(clients.code, "00412"));
    expect({ outstanding: client.outstanding, overdue: client.overdue }).toEqual({ outstanding: "1084.56", overdue: "1084.56" });
    const groupOf = await handle.db.select({ code: clients.code, groupId: clients.groupId }).from(clients).orderBy(asc(clients.code));
    expect(groupOf).toEqual([
      { code: "00412", groupId: group.id },
      { code: "00413", groupId: null },
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const outcome = await runImport(handle.db, request("documents", "pieces.csv", { mode: "snapshot" }));
    expect(outcome.counts).toMatchObject({ inserted: 0, updated: 0, settled: 0 });
  });

  it("rejects the whole file on a bad row, unless the admin keeps the valid rows", async () => {
    writeDocumentsCsv("pieces-bad.csv", [
      "Code client;N° facture;Date facture;Échéance;Montant TTC",
      "00412;FA-1003;02/11/2026;02/12/2026;abc",
      "00412;FA-1004;31/02/2026;02/12/2026;10,00",
      "00999;FA-1005;02/11/2026;02/12/2026;10,00",
      "00413;FA-1006;02/11/2026;02/12/2026;20,00",
    ]);
    const before = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from documents`);
    const rejected = await runImport(handle.db, request("documents", "pieces-bad.csv"));
    expect(rejected.status).toBe("failed");
    expect(rejected.message).toContain("fichier refusé");
    expect(rejected.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Montant TTC"],
      [3, "Date de pièce"],
    ]);
    expect(await queryRows(handle.db, sql`select count(*)::int as n from documents`)).toEqual(before);

    const partial = await runImport(handle.db, request("documents", "pieces-bad.csv", { acceptRowErrors: true }));
    expect(partial.status).toBe("succeeded");
    expect(partial.counts).toMatchObject({ read: 4, inserted: 1, rejected: 3 });
    expect(partial.errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(partial.errors[2].reason).toContain("Client inconnu");
  });

  it("refuses amounts no pièce can carry, each row named in the error file", async () => {
    writeDocumentsCsv("pieces-impossible.csv", [
      "Code client;N° facture;Type;Date facture;Montant TTC;Reste dû",
      "00412;FA-2001;Facture;02/11/2026;-120,00;",
      "00412;FA-2002;Facture;02/11/2026;100,00;150,00",
      "00412;FA-2003;Facture;02/11/2026;100,00;-30,00",
      "00412;AV-2004;Avoir;02/11/2026;-80,00;-80,00",
    ]);
    const before = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from documents`);
    const outcome = await runImport(handle.db, request("documents", "pieces-impossible.csv"));
    expect(outcome.status).toBe("failed");
    expect(outcome.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, "Montant TTC", "-120,00"],
      [3, "Reste dû", "150,00"],
      [4, "Reste dû", "-30,00"],
    ]);
    expect(outcome.errors[0].reason).toContain("Facture de montant négatif");
    expect(await queryRows(handle.db, sql`select count(*)::int as n from documents`)).toEqual(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(outcome.errorFile!);
    const listed = workbook.worksheets[0].getSheetValues().flat().map(String).join(" ");
    for (const reason of outcome.errors.map((e) => e.reason)) expect(listed).toContain(reason);

    const partial = await runImport(handle.db, request("documents", "pieces-impossible.csv", { acceptRowErrors: true }));
    expect(partial.counts).toMatchObject({ read: 4, inserted: 1, rejected: 3 });
    const [kept] = await handle.db.select({ amount: documents.amount, type: documents.type }).from(documents).where(eq(documents.number, "AV-2004"));
    expect(kept).toEqual({ amount: "-80.00", type: "credit_note" });
  });

  it("refuses a file that is not what it claims, and records the attempt", async () => {
    fs.writeFileSync(path.join(dir, "photo.xlsx"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const outcome = await runImport(handle.db, request("documents", "photo.xlsx"));
    expect(outcome).toMatchObject({ status: "failed", message: expect.stringContaining("ni un classeur Excel") });
    const [row] = await handle.db.select().from(imports).where(eq(imports.id, outcome.importId));
    expect(row.status).toBe("failed");
  });

  it("imports a FEC: customer lines only, lettered items settled on DateLet", async () => {
    const header = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
    fs.writeFileSync(
      path.join(dir, "fec.txt"),
      [
        header,
        "VE\tVentes\t1\t20261001\t411000\tClients\tC900\tGarage Martin\tF900\t20261001\tFacture\t1200,00\t0,00\t\t\t20261001\t\t",
        "VE\tVentes\t1\t20261001\t706000\tVentes\t\t\tF900\t20261001\tFacture\t0,00\t1000,00\t\t\t20261001\t\t",
        "VE\tVentes\t2\t20260901\t411000\tClients\tC900\tGarage Martin\tF899\t20260901\tFacture\t500,00\t0,00\tAA\t20261015\t20260901\t\t",
        "BQ\tBanque\t3\t20261015\t411000\tClients\tC900\tGarage Martin\tRG12\t20261015\tRèglement\t0,00\t500,00\tAA\t20261015\t20261015\t\t",
      ].join("\n"),
    );
    const outcome = await runImport(handle.db, request("fec", "fec.txt", { mode: "incremental", fecDefaultTermsDays: 30 }));
    expect(outcome.status).toBe("succeeded");
    const rows = await queryRows<{ number: string; status: string; settled_date: string | null; due_date: string; amount: string }>(
      handle.db,
      sql`select d.number, d.status, d.settled_date::text, d.due_date::text, d.amount::text from documents d
          join clients c on c.id = d.client_id where c.code = 'C900' order by d.number`,
    );
    expect(rows).toEqual([
      { number: "F899", status: "settled", settled_date: "2026-10-15", due_date: "2026-10-01", amount: "500.00" },
      { number: "F900", status: "open", settled_date: null, due_date: "2026-10-31", amount: "1200.00" },
      { number: "RG12", status: "settled", settled_date: "2026-10-15", due_date: "2026-10-15", amount: "-500.00" },
    ]);
  });

  it("saves a column mapping as a named profile and reuses it when the columns move", async () => {
    writeDocumentsCsv("maison-1.csv", ["Tiers;Pièce;Dt;Ech;TTC", "00413;M-1;01/11/2026;01/12/2026;10,00"]);
    writeDocumentsCsv("maison-2.csv", ["TTC;Tiers;Pièce;Dt;Ech", "20,00;00413;M-2;02/11/2026;02/12/2026"]);
    const first = await runImport(
      handle.db,
      request("documents", "maison-1.csv", {
        mapping: { 0: "clientCode", 1: "number", 2: "issueDate", 3: "dueDate", 4: "amount" },
        saveProfileAs: "ERP maison",
      }),
    );
    expect(first.status).toBe("succeeded");
    const second = await runImport(handle.db, request("documents", "maison-2.csv", { profile: "ERP maison" }));
    expect(second.counts).toMatchObject({ inserted: 1, rejected: 0 });
    const [m2] = await handle.db.select().from(documents).where(eq(documents.number, "M-2"));
    expect({ amount: m2.amount, due: m2.dueDate }).toEqual({ amount: "20.00", due: "2026-12-02" });

    const unknown = await runImport(handle.db, request("documents", "maison-2.csv", { profile: "Inconnu" }));
    expect(unknown).toMatchObject({ status: "failed", message: "Profil de correspondance inconnu : « Inconnu »." });
  });
});

describe("columns kept as custom fields", () => {
  const customOf = async () =>
    queryRows<{ code: string; custom_fields: Record<string, string> }>(
      handle.db,
      sql`select code, custom_fields from clients where code like 'K%' order by code`,
    );
  const writeCsv = (name: string, lines: string[]) => fs.writeFileSync(path.join(dir, name), lines.join("\n") + "\n");

  it("imports them as text under the chosen names and saves the choice in a profile", async () => {
    writeCsv("crm-1.csv", [
      "Code client;Raison sociale;Secteur d'activité;Agence;Remarque",
      "K001;Kappa SAS;BTP;Lyon;à relancer",
      "K002;Lambda SARL;;0069;",
    ]);
    const outcome = await runImport(
      handle.db,
      request("clients", "crm-1.csv", {
        mapping: { 0: "code", 1: "name", 2: "custom:Secteur", 3: "custom:Agence" },
        saveProfileAs: "CRM clients",
      }),
    );
    expect(outcome).toMatchObject({ status: "succeeded", counts: { inserted: 2 } });
    expect(await customOf()).toEqual([
      { code: "K001", custom_fields: { Secteur: "BTP", Agence: "Lyon" } },
      { code: "K002", custom_fields: { Agence: "0069" } },
    ]);
    const [history] = await handle.db.select().from(imports).where(eq(imports.id, outcome.importId));
    expect(history.mapping).toMatchObject({ "Secteur d'activité": "Champ personnalisé « Secteur »", Agence: "Champ personnalisé « Agence »" });
    expect((await findImportProfile(handle.db, "CRM clients"))?.mapping).toEqual({
      "code client": "code", "raison sociale": "name", "secteur activite": "custom:Secteur", agence: "custom:Agence",
    });
  });

  it("merges on re-import with the profile: moved columns, empty cells keep what was stored", async () => {
    writeCsv("crm-2.csv", ["Agence;Code client;Secteur d'activité;Raison sociale", ";K001;Industrie;Kappa SAS", "Nantes;K002;;Lambda SARL"]);
    const outcome = await runImport(handle.db, request("clients", "crm-2.csv", { profile: "CRM clients" }));
    expect(outcome).toMatchObject({ status: "succeeded", counts: { inserted: 0, updated: 2 } });
    expect(await customOf()).toEqual([
      { code: "K001", custom_fields: { Secteur: "Industrie", Agence: "Lyon" } },
      { code: "K002", custom_fields: { Agence: "Nantes" } },
    ]);
  });

  it("leaves unknown columns out by default, and custom fields untouched", async () => {
    writeCsv("crm-3.csv", ["Code client;Raison sociale;Secteur d'activité", "K001;Kappa SAS;Transport"]);
    const outcome = await runImport(handle.db, request("clients", "crm-3.csv"));
    expect(outcome).toMatchObject({ status: "succeeded", counts: { inserted: 0, updated: 0 } });
    expect((await customOf())[0].custom_fields).toEqual({ Secteur: "Industrie", Agence: "Lyon" });
  });

  it("refuses the file when a value is too long, naming the column, and changes nothing", async () => {
    writeCsv("crm-4.csv", ["Code client;Raison sociale;Secteur d'activité;Agence", `K001;Kappa SAS;Services;${"L".repeat(201)}`, "K003;Mu SA;BTP;Paris"]);
    const before = await queryRows(handle.db, sql`select code, custom_fields, updated_at from clients order by code`);
    const outcome = await runImport(handle.db, request("clients", "crm-4.csv", { profile: "CRM clients" }));
    expect(outcome).toMatchObject({ status: "failed", message: "1 ligne en erreur : fichier refusé, aucune donnée modifiée." });
    expect(outcome.errors).toEqual([
      { row: 2, column: "Agence", value: "L".repeat(201), reason: "Valeur trop longue : 200 caractères au maximum (201 reçus)." },
    ]);
    expect(await queryRows(handle.db, sql`select code, custom_fields, updated_at from clients order by code`)).toEqual(before);
  });

  it("refuses a mapping whose custom names are not valid, with a French message", async () => {
    const outcome = await runImport(
      handle.db,
      request("clients", "crm-1.csv", { mapping: { 0: "code", 1: "name", 2: "custom:Agence", 3: "custom:agence" } }),
    );
    expect(outcome).toMatchObject({ status: "failed", message: "Le champ personnalisé « agence » est associé à plusieurs colonnes." });
  });
});
