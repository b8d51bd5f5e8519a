import { expect, test } from "./test";
import { storageState } from "./helpers";

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("opens Paramétrage → Scoring, runs a backtest of the last 12 months and reads model and baseline figures", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/parametrage");
    await page.getByRole("navigation", { name: "Sections du paramétrage" }).getByRole("link", { name: "Scoring" }).click();
    await expect(page).toHaveURL(/\/parametrage\/scoring$/);
    await expect(page.getByLabel("Délai de grâce (jours)")).toHaveValue("0");
    const models = page.getByRole("table", { name: "Versions du modèle" });
    await expect(models.getByRole("row").nth(1)).toContainText("Actif");

    await page.getByRole("button", { name: "Lancer un backtest" }).click();
    await expect(page.getByRole("button", { name: "Backtest en cours…" })).toBeDisabled();
    // fr-FR groups thousands with a narrow no-break space.
    await expect(page.getByRole("status").filter({ hasText: /^Backtest terminé : \d[\d\s\u202f]* factures sur 12 mois\.$/ })).toBeVisible({
      timeout: 150_000,
    });

    const metrics = page.getByRole("table", { name: "Mesures du modèle et de la référence" });
    const auc = metrics.getByRole("row", { name: /^AUC/ });
    await expect(auc.getByRole("cell").nth(1)).toHaveText(/^0,\d{3}$/);
    await expect(auc.getByRole("cell").nth(2)).toHaveText(/^0,\d{3}$/);
    await expect(metrics.getByRole("row", { name: /^Écart moyen de la date de paiement/ }).getByRole("cell").nth(1)).toHaveText(/^\d+,\d j$/);
    await expect(page.getByRole("img", { name: /Taux de retard observé selon la probabilité prédite/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Calibration du modèle par décile" }).getByRole("row")).toHaveCount(11);
    await expect(page.getByRole("table", { name: "Backtest mois par mois" }).getByRole("row")).toHaveCount(13);
    await expect(page.getByText(/par .+\. Chaque mois/)).toBeVisible();

    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.screenshot({ path: "test-results/screens/settings-scoring.png" });
  });
});

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("reaches Scoring first in Paramétrage, beside Colonnes calculées, and sets the grace period", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Paramétrage" }).click();
    await expect(page).toHaveURL(/\/parametrage\/scoring$/);
    await expect(page.getByRole("navigation", { name: "Sections du paramétrage" }).getByRole("link")).toHaveText(["Scoring", "Colonnes calculées"]);

    const grace = page.getByLabel("Délai de grâce (jours)");
    await grace.fill("61");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Entre 0 et 60 jours.")).toBeVisible();
    await grace.fill("5");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText(/^Délai de grâce enregistré/)).toBeVisible();
    await page.reload();
    await expect(grace).toHaveValue("5");
    // Back to the default, which the other tests of this data read.
    await grace.fill("0");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText(/^Délai de grâce enregistré/)).toBeVisible();

    expect((await page.goto("/parametrage/utilisateurs"))?.status()).toBe(404);
  });
});
