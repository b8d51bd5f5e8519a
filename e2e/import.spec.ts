import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { fixtures, storageState } from "./helpers";
import { analyzeUpload, importAndWait } from "./import-steps";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-e2e-import-"));

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("imports a semicolon Windows-1252 CSV of pièces, keeps the valid rows and downloads the errors", async ({ page }) => {
    const { distClient } = fixtures();
    const file = path.join(dir, "pieces-sage.csv");
    const lines = [
      "Export du grand livre clients",
      "",
      "Code client;N° facture;Date facture;Échéance;Montant TTC;Reste dû",
      `${distClient.code};E2E-0001;01/10/2026;31/10/2026;1 234,56 €;1 234,56`,
      `${distClient.code};E2E-0002;31/02/2026;14/11/2026;500,00;500,00`,
      "INCONNU;E2E-0003;15/10/2026;14/11/2026;10,00;10,00",
    ];
    fs.writeFileSync(file, iconv.encode(lines.join("\r\n") + "\r\n", "windows-1252"));

    await analyzeUpload(page, /Pièces comptables/, file, "incremental");

    await expect(page.getByLabel("Encodage")).toHaveValue("windows-1252");
    await expect(page.getByLabel("Ligne d'en-tête")).toHaveValue("2");
    await expect(page.getByLabel("Montant TTC", { exact: true })).toHaveValue("amount");
    await expect(page.getByRole("cell", { name: "31/02/2026" })).toHaveAttribute("title", "Date inexistante.");
    await page.screenshot({ path: "test-results/screens/import-preview.png", fullPage: true });

    await page.getByLabel("Importer uniquement les lignes valides").check();
    await expect(await importAndWait(page)).toContainText("Import terminé : 1 créé(s)");
    await expect(page.getByRole("cell", { name: "Client inconnu : importez-le d'abord dans le fichier clients." })).toBeVisible();

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger les erreurs (xlsx)" }).click();
    const download = await downloadPromise;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("Erreurs")!;
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 3));
    expect(rows).toEqual([
      [5, "Date de pièce"],
      [6, "Code client"],
    ]);

    await page.getByRole("link", { name: "Historique des imports" }).last().click();
    await expect(page.getByRole("cell", { name: /pieces-sage\.csv/ })).toBeVisible();
  });

  test("imports new clients from a real xlsx and refuses a fake one", async ({ page }) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Clients");
    sheet.addRow(["Code client", "Raison sociale", "SIREN", "Ville"]);
    sheet.addRow(["E2E001", "Atelier Lumière SARL", "404833048", "Nantes"]);
    sheet.addRow(["E2E002", "Boulangerie Petit SAS", "552032534", "Rennes"]);
    const file = path.join(dir, "clients.xlsx");
    await workbook.xlsx.writeFile(file);

    await analyzeUpload(page, /^Clients/, file);
    await expect(page.getByLabel("Feuille")).toHaveValue("Clients");
    await expect(await importAndWait(page)).toContainText("Import terminé : 2 créé(s)");

    const fake = path.join(dir, "photo.xlsx");
    fs.writeFileSync(fake, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await page.getByRole("link", { name: "Nouvel import" }).click();
    await page.getByLabel("Fichier à importer").setInputFiles(fake);
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Import impossible" })).toContainText("ni un classeur Excel");
  });

  test("keeps an extra column of a clients file as a custom field, renamed, then shows it as a column of the clients list", async ({ page }) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Clients");
    sheet.addRow(["Code client", "Raison sociale", "Ville", "Canal de vente"]);
    sheet.addRow(["E2E101", "Fromagerie Vallée SAS", "Annecy", "Grands comptes"]);
    const file = path.join(dir, "clients-crm.xlsx");
    await workbook.xlsx.writeFile(file);

    await analyzeUpload(page, /^Clients/, file);
    const column = page.getByLabel("Canal de vente", { exact: true });
    await expect(column).toHaveValue("");
    await column.selectOption({ label: "Champ personnalisé" });
    const name = page.getByLabel("Nom du champ personnalisé pour la colonne Canal de vente");
    await expect(name).toHaveValue("Canal de vente");
    await expect(page.getByText("→ Champ personnalisé « Canal de vente »")).toBeVisible();
    await name.fill("Canal");
    await name.press("Enter");
    await expect(page.getByText("→ Champ personnalisé « Canal »")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/import-custom-field.png", fullPage: true });
    await expect(await importAndWait(page)).toContainText("Import terminé : 1 créé(s)");

    await page.goto("/clients?q=E2E101");
    await expect(page.getByRole("link", { name: "Fromagerie Vallée SAS" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Grands comptes" })).toHaveCount(0);
    await page.getByRole("button", { name: "Colonnes" }).click();
    await page.getByRole("checkbox", { name: "Canal", exact: true }).click();
    await expect(page.getByRole("columnheader", { name: "Canal", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Grands comptes" })).toBeVisible();
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("cannot open the import", async ({ page }) => {
    expect((await page.goto("/import"))?.status()).toBe(404);
    const response = await page.request.post("/api/imports/analyze", { multipart: { kind: "clients" } });
    expect(response.status()).toBe(403);
  });
});
