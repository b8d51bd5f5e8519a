import { storageState } from "./helpers";
import { expect, test } from "./test";

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("creates a calculated column: the error points at its position, the fix shows the preview, a used column cannot be deleted", async ({ page }) => {
    await page.goto("/parametrage");
    await page.getByRole("navigation", { name: "Sections du paramétrage" }).getByRole("link", { name: "Colonnes calculées" }).click();
    await expect(page).toHaveURL(/\/parametrage\/colonnes$/);
    const list = page.getByRole("table", { name: "Colonnes calculées" });
    await expect(list.getByRole("row", { name: /Taux d'échu 90 j glissants/ })).toContainText("MOYENNE(échu; 90 j) / MOYENNE(encours; 90 j)");
    await expect(list.getByRole("row", { name: /DSO 90 j/ })).toContainText(/Calculée le \d{2}\/\d{2}\/\d{4}/);

    await page.getByRole("link", { name: "Nouvelle colonne" }).click();
    await page.getByLabel("Nom", { exact: true }).fill("Échu moyen 30 j");
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Montant" });
    const formula = page.getByLabel("Formule", { exact: true });
    await formula.fill("MOYENNE(echu; 30 j) + SOMMME(pièces.ouvert)");
    await expect(page.getByText(/Fonction inconnue : « SOMMME »\. Vouliez-vous dire « SOMME » \?/)).toBeVisible();
    await expect(page.getByText("(caractère 23)")).toBeVisible();
    await expect(page.locator("mark")).toHaveText("SOMMME");
    await page.getByRole("button", { name: "Sélectionner dans la formule" }).click();
    await expect(formula).toBeFocused();

    await formula.fill("MOYENNE(échu; 30 j)");
    const preview = page.getByRole("table", { name: "Aperçu de la colonne" });
    await expect(preview.getByRole("row")).toHaveCount(11);
    await expect(preview.getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText(/€|—/);
    await expect(page.getByText("Fonction inconnue")).toHaveCount(0);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: "test-results/screens/calculated-editor.png" });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/parametrage\/colonnes$/);
    await expect(list.getByRole("row", { name: /Échu moyen 30 j/ })).toBeVisible();

    // A column reading it keeps it from being deleted; the refusal names it.
    await page.getByRole("link", { name: "Nouvelle colonne" }).click();
    await page.getByLabel("Nom", { exact: true }).fill("Double échu moyen");
    await page.getByLabel("Formule", { exact: true }).fill("[echu moyen 30 J] * 2");
    await expect(page.getByRole("table", { name: "Aperçu de la colonne" }).getByRole("row")).toHaveCount(11);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(list.getByRole("row", { name: /Double échu moyen/ })).toBeVisible();
    await page.getByRole("button", { name: "Supprimer « Échu moyen 30 j »" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByRole("dialog").getByRole("alert")).toHaveText(
      "Impossible de supprimer « Échu moyen 30 j » : utilisée par la colonne « Double échu moyen ».",
    );
    await page.keyboard.press("Escape");
    await page.screenshot({ path: "test-results/screens/calculated-list.png", fullPage: true });

    for (const name of ["Double échu moyen", "Échu moyen 30 j"]) {
      await page.getByRole("button", { name: `Supprimer « ${name} »` }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
      await expect(list.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
    }
  });
});

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("opens Colonnes calculées", async ({ page }) => {
    await page.goto("/parametrage/colonnes");
    await expect(page.getByRole("table", { name: "Colonnes calculées" }).getByRole("row", { name: /Encours moyen 6 mois/ })).toBeVisible();
  });
});
