import { expect, test } from "./test";
import { storageState } from "./helpers";

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("creates a group with two criteria, previews it, saves it and sees it listed", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Relance" }).click();
    await expect(page).toHaveURL(/\/relance$/);
    await page.getByRole("link", { name: "Configuration", exact: true }).click();
    await expect(page).toHaveURL(/\/relance\/groupes$/);
    // The demo starts with one catch-all group following the « Standard » scenario.
    await expect(page.getByRole("row", { name: /Tous les clients/ })).toContainText("Standard");

    await page.getByRole("link", { name: "Nouveau groupe" }).click();
    await page.getByLabel("Nom du groupe").fill("Grands comptes Île-de-France");
    await page.getByRole("button", { name: "Ajouter un critère" }).click();
    await page.getByLabel("Champ du critère 1").selectOption("department");
    await page.getByLabel("Opérateur du critère 1").selectOption("in");
    await page.getByLabel("Valeur du critère 1").fill("75, 92");
    await page.getByRole("button", { name: "Ajouter un critère" }).click();
    await page.getByLabel("Champ du critère 2").selectOption("outstanding");
    await page.getByLabel("Opérateur du critère 2").selectOption("gt");
    await page.getByLabel("Valeur du critère 2").fill("dix mille");

    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await expect(page.getByText("Valeur invalide pour « Encours » : un nombre est attendu.")).toBeVisible();
    await page.getByLabel("Valeur du critère 2").fill("10 000");
    await page.getByRole("button", { name: "Prévisualiser" }).click();
    const preview = page.getByRole("status").filter({ hasText: "ce groupe prendrait" });
    // Placed after the catch-all group, the new group would take nobody until it moves up.
    await expect(preview).toHaveText(/ce groupe prendrait 0 client/);
    await page.screenshot({ path: "test-results/screens/group-editor.png", fullPage: true });

    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/relance\/groupes$/);
    const row = page.getByRole("row", { name: /Grands comptes Île-de-France/ });
    await expect(row).toContainText("Département dans 75, 92 · Encours > 10\u202f000 €");
    await expect(row).toContainText("Aucun scénario");
    await expect(row.getByRole("cell").nth(3)).toHaveText(/^0 client$/);
    await page.getByRole("button", { name: "Monter « Grands comptes Île-de-France »" }).click();
    await expect(page.getByRole("row").nth(1)).toContainText("Grands comptes Île-de-France");
    await expect(row.getByRole("cell").nth(3)).toHaveText(/^[1-9][\d\s\u202f]* clients?$/);
    await expect(page.getByRole("row", { name: /Sans groupe/ })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/groups.png", fullPage: true });

    // A second group with the same name is refused in French.
    await page.getByRole("link", { name: "Nouveau groupe" }).click();
    await page.getByLabel("Nom du groupe").fill("grands comptes île-de-france");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Un groupe porte déjà ce nom.")).toBeVisible();
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("does not see the Relance configuration and is refused the groups page", async ({ page }) => {
    await page.goto("/relance");
    await expect(page.getByRole("heading", { name: "Relance" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Configuration", exact: true })).toHaveCount(0);
    const response = await page.goto("/relance/groupes");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Page introuvable")).toBeVisible();
  });
});
