import { expect, test } from "./test";
import { logIn, storageState } from "./helpers";

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("creates a collector who can then log in and sees an empty portfolio", async ({ page, browser, baseURL }) => {
    await page.goto("/parametrage");
    await expect(page).toHaveURL(/\/parametrage\/utilisateurs/);
    await page.getByRole("button", { name: "Nouvel utilisateur" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Civilité").selectOption("Monsieur");
    await dialog.getByLabel("Nom complet").fill("Paul Girard");
    await dialog.getByLabel("Adresse e-mail").fill("paul.girard@encaisse.demo");
    await dialog.getByLabel("Rôle").selectOption("collector");
    await dialog.getByLabel(/Mot de passe initial/).fill("court");
    await dialog.getByRole("button", { name: "Créer l'utilisateur" }).click();
    await expect(dialog.getByText("Au moins 10 caractères.")).toBeVisible();
    await dialog.getByLabel(/Mot de passe initial/).fill("Bienvenue-2026");
    await dialog.getByRole("button", { name: "Créer l'utilisateur" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("cell", { name: /^Paul Girard paul.girard@/ })).toBeVisible();
    // The civilité agrees « votre interlocuteur » in his letters: it is kept.
    await page.getByRole("button", { name: "Modifier Paul Girard" }).click();
    await expect(dialog.getByLabel("Civilité")).toHaveValue("Monsieur");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.screenshot({ path: "test-results/screens/settings-users.png", fullPage: true });

    const context = await browser.newContext({ baseURL, storageState: undefined });
    const newcomer = await context.newPage();
    await logIn(newcomer, "paul.girard@encaisse.demo", "Bienvenue-2026");
    await expect(newcomer.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    await newcomer.goto("/clients");
    await expect(newcomer.getByText("Aucun client dans votre périmètre")).toBeVisible();
    await context.close();
  });

  test("runs the daily snapshot now and sees the run report", async ({ page }) => {
    await page.goto("/parametrage/traitements");
    await page.getByRole("button", { name: "Lancer maintenant : Photographie quotidienne des encours" }).click();
    await expect(page.getByRole("status")).toHaveText("Traitement terminé.");
    await page.reload();
    await expect(page.getByRole("cell", { name: "Réussi" }).first()).toBeVisible();
  });

  test("runs the nightly run now and reads what it did", async ({ page }) => {
    await page.goto("/parametrage/traitements");
    await page.getByRole("button", { name: /^Lancer maintenant : Traitement de nuit/ }).click();
    await expect(page.getByRole("status")).toHaveText("Traitement terminé.");
    await page.reload();
    const runs = page.getByRole("row", { name: /Traitement de nuit/ });
    await expect(runs.first()).toContainText("Réussi");
    // The demo clients follow the « Standard » scenario: the day's first run (this one, or another spec's) plans
    // their reminders and sends the automatic ones.
    const first = runs.filter({ hasText: /[1-9][\d\u202f]* action\(s\) créée\(s\) couvrant [1-9][\d\u202f]* pièce\(s\)/ });
    await expect(first).toHaveCount(1);
    await expect(first).toContainText(/[1-9][\d\u202f]* envoi\(s\)/);
    await page.screenshot({ path: "test-results/screens/settings-jobs.png", fullPage: true });
  });
});
