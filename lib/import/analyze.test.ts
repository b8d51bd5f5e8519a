import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-analyze-"));
const file = path.join(dir, "clients.csv");
fs.writeFileSync(file, ["Code client;Raison sociale;Secteur;Agence", `C1;Alpha;BTP;${"x".repeat(201)}`, "C2;Bêta;;Lyon"].join("\n"));

describe("analyzeFile and custom fields", () => {
  it("leaves columns it does not know ignored when no profile is chosen", async () => {
    const analysis = await analyzeFile(file, "clients.csv", "clients");
    expect(analysis.mapping).toEqual({ 0: "code", 1: "name" });
    expect(analysis.previewErrors).toBe(0);
  });

  it("keeps them as custom fields when the saved profile says so, and checks their values in the preview", async () => {
    const mapping = { "code client": "code", "raison sociale": "name", secteur: "custom:Secteur", agence: "custom:Agence" };
    const analysis = await analyzeFile(file, "clients.csv", "clients", { profile: { mapping, settings: {} } });
    expect(analysis.mapping).toEqual({ 0: "code", 1: "name", 2: "custom:Secteur", 3: "custom:Agence" });
    expect(analysis.mappingError).toBeNull();
    expect(analysis.previewErrors).toBe(1);
    expect(analysis.rows[0].cells[3].error).toBe("Valeur trop longue : 200 caractères au maximum (201 reçus).");
  });

  it("explains a custom name the mapping cannot take", async () => {
    const analysis = await analyzeFile(file, "clients.csv", "clients", { mapping: { 0: "code", 1: "name", 2: `custom:${"S".repeat(41)}` } });
    expect(analysis.mappingError).toBe(`Nom de champ personnalisé trop long (40 caractères au maximum) : « ${"S".repeat(41)} ».`);
  });
});

describe("analyzeFile and the confidence of its suggestions", () => {
  it("marks the columns matched on part of their header, and none once the admin has chosen", async () => {
    const pieces = path.join(dir, "pieces.csv");
    fs.writeFileSync(pieces, "Code client;N° facture;Date facture;Montant TTC facture;Échéance de paiement\nC1;F1;01/10/2026;10,00;31/10/2026\n");
    const suggested = await analyzeFile(pieces, "pieces.csv", "documents");
    expect(suggested.mapping).toEqual({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount", 4: "dueDate" });
    expect(suggested.probable).toEqual([3, 4]);
    const chosen = await analyzeFile(pieces, "pieces.csv", "documents", { mapping: suggested.mapping });
    expect(chosen.probable).toEqual([]);
  });
});
