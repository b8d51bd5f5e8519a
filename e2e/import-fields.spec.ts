import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";
import { analyzeUpload, importAndWait } from "./import-steps";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-e2e-fields-"));

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("creates the unknown clients of a pièces file when asked to", async ({ page }) => {
    const { distClient } = fixtures();
    const file = path.join(dir, "pieces-nouveaux-clients.csv");
    const lines = [
      "Code client;Nom du client;N° facture;Date facture;Échéance;Montant TTC",
      "E2ENEW1;Atelier Nouveau SAS;E2E-N1;01/11/2026;01/12/2026;150,00",
      "E2ENEW1;Atelier Nouveau SAS;E2E-N2;05/11/2026;05/12/2026;80,00",
      `${distClient.code};${distClient.name};E2E-N3;06/11/2026;06/12/2026;20,00`,
    ];
    fs.writeFileSync(file, lines.join("\n") + "\n");

    await analyzeUpload(page, /Pièces comptables/, file);
    await expect(page.getByLabel("Mode")).toHaveValue("incremental");

    const warning = page.getByRole("status", { name: "Avertissements" }).locator("[data-warning=unknown_clients]");
    await expect(warning).toContainText("1 code client inconnu sur 2 lignes (« E2ENEW1 ») : ces lignes seront rejetées.");
    // The box is ticked once the file has been analysed again with the option, as the warning then says.
    const createClients = page.getByLabel("Créer les clients inconnus");
    await createClients.click();
    await expect(warning).toContainText("ces clients seront créés à l'import");
    await expect(createClients).toBeChecked();
    await page.screenshot({ path: "test-results/screens/import-unknown-clients.png", fullPage: true });

    const result = await importAndWait(page);
    await expect(result).toContainText("Import terminé : 3 créé(s)");
    await expect(result).toContainText("1 client créé d'après le fichier.");

    await page.goto("/clients?q=E2ENEW1");
    await expect(page.getByRole("link", { name: "Atelier Nouveau SAS" })).toBeVisible();
  });
});
