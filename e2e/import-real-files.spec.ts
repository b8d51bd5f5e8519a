import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";
import { analyzeUpload, importAndWait } from "./import-steps";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-e2e-real-"));

async function writeExport(file: string, titles: string[], rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Export");
  for (const title of titles) sheet.addRow([title]);
  sheet.addRow(["Cust No", "Invoice No", "Invoice Date", "Due Date", "Amount"]);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("sees every warning of an invoicing-tool export in the preview", async ({ page }) => {
    const { distClient } = fixtures();
    const file = path.join(dir, "factures-outil.csv");
    const lines = [
      "Export des factures",
      "Période : 01/10/2026 - 30/11/2026",
      "Client,N° facture,Date,Échéance,Montant TTC",
      `${distClient.code},E2E-W1,01/10/2026,31/10/2026,$13.50`,
      `${distClient.code},E2E-W1,01/10/2026,31/10/2026,$13.50`,
      `${distClient.code},E2E-W2,15/10/2026,01/10/2026,"$1,250.00"`,
      `${distClient.code},E2E-W3,05/11/2026,05/12/2026,$40.00`,
      `${distClient.code},E2E-W3,05/11/2026,05/12/2026,$45.00`,
    ];
    fs.writeFileSync(file, lines.join("\n") + "\n");

    await analyzeUpload(page, /Pièces comptables/, file);
    await expect(page.getByLabel("Mode")).toHaveValue("incremental");

    const warnings = page.getByRole("status", { name: "Avertissements" });
    await expect(warnings).toContainText("3 avertissements sur ce fichier");
    await expect(warnings.locator("[data-warning=due_before_issue]")).toContainText("1 pièce a son échéance avant sa date d'émission");
    await expect(warnings.locator("[data-warning=repeated_lines]")).toContainText("1 ligne répète une pièce déjà lue");
    await expect(warnings.locator("[data-warning=duplicate_keys]")).toContainText("E2E-W3 (lignes 7 et 8)");
    await page.screenshot({ path: "test-results/screens/import-warnings.png", fullPage: true });
  });

  test("must confirm a snapshot that would settle most of the book", async ({ page }) => {
    const { distClient } = fixtures();
    const file = path.join(dir, "photographie-partielle.csv");
    fs.writeFileSync(file, `Code client;N° facture;Date facture;Montant TTC\n${distClient.code};E2E-S1;01/11/2026;10,00\n`);

    await analyzeUpload(page, /Pièces comptables/, file, "snapshot");

    await expect(page.getByRole("alert").filter({ hasText: "La photographie complète soldera" })).toContainText("confirmez que le fichier est complet");
    const importButton = page.getByRole("button", { name: "Importer", exact: true });
    await expect(importButton).toBeDisabled();
    await page.getByLabel("Je confirme que le fichier est complet : solder les pièces absentes").check();
    await expect(importButton).toBeEnabled();
    await page.screenshot({ path: "test-results/screens/import-snapshot-confirmation.png", fullPage: true });
    // Not imported: the demo book the other tests read stays as it is.
  });

  test("saves a profile in the wizard that the command line replays on the next day's file", async ({ page }) => {
    const { distClient } = fixtures();
    const day1 = path.join(dir, "erp-jour1.xlsx");
    const day2 = path.join(dir, "erp-jour2.xlsx");
    await writeExport(day1, ["Balance clients", "Au 02/12/2026"], [[distClient.code, "E2E-P1", "11/20/2026", "12/20/2026", 120]]);
    await writeExport(day2, ["Balance clients", "Au 03/12/2026", "Édité par la comptabilité"], [[distClient.code, "E2E-P2", "11/21/2026", "12/21/2026", 80.5]]);

    await analyzeUpload(page, /Pièces comptables/, day1);
    await expect(page.getByLabel("Ligne d'en-tête")).toHaveValue("2");
    await page.getByLabel("Enregistrer cette correspondance sous le nom (facultatif)").fill("Export ERP E2E");
    await expect(await importAndWait(page)).toContainText("Import terminé : 1 créé(s)");

    const output = execFileSync("npx", ["tsx", "lib/import/cli.ts", "--kind", "documents", "--profile", "Export ERP E2E", "--file", day2], {
      env: { ...process.env, DATA_DIR: "data/e2e", DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(output).toContain("Import terminé : 1 créé(s)");

    await page.goto("/pieces?q=E2E-P2&status=open");
    // Read month-first as the profile says: 21/11/2026, due 21/12/2026.
    const row = page.getByRole("row").filter({ hasText: "E2E-P2" });
    await expect(row).toContainText("21/11/2026");
    await expect(row).toContainText("21/12/2026");
  });

  test("shows the lettering warnings of a FEC before importing it", async ({ page }) => {
    const header = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
    const lines = [
      header,
      "AN|A-nouveaux|1|20260101|411000|Clients|E2EF1|Atelier Fécamp|AN2026|20260101|Report|5000,00|0,00|AA|20260305|20261231||",
      "BQ|Banque|2|20260210|411000|Clients|E2EF1|Atelier Fécamp|VIR-1|20260210|Virement|0,00|2000,00|AA|20260305|20261231||",
      "BQ|Banque|3|20260301|411000|Clients|E2EF2|RECETTE CB|VIR-2|20260301|Encaissement|0,00|30,00|||20261231||",
    ];
    const file = path.join(dir, "404833048FEC20261231.txt");
    fs.writeFileSync(file, lines.join("\n") + "\n");

    await analyzeUpload(page, /^FEC/, file);
    const warnings = page.getByRole("status", { name: "Avertissements" });
    await expect(warnings.locator("[data-warning=fec_unbalanced_lettering]")).toContainText("1 groupe de lettrage ne s'équilibre pas");
    await expect(warnings.locator("[data-warning=fec_payment_channel_accounts]")).toContainText("« RECETTE CB » (E2EF2)");

    // Imported, each account's open items equal its balance: 5 000 − 2 000 = 3 000 left on the à-nouveau; −30 unapplied.
    await expect(await importAndWait(page)).toContainText("Import terminé");
    const reconciliation = page.getByRole("table").filter({ hasText: "Ouvert dans Encaisse" });
    await expect(page.getByText("Aucun écart")).toBeVisible();
    await expect(reconciliation.getByRole("row").filter({ hasText: "E2EF1" })).toContainText(/3\s000,00\s€.*3\s000,00\s€.*0,00\s€/);
    await expect(reconciliation.getByRole("row").filter({ hasText: "E2EF2" })).toContainText(/-30,00\s€/);
    await page.screenshot({ path: "test-results/screens/import-fec-reconciliation.png", fullPage: true });
  });
});
