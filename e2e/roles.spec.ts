import { expect, test } from "./test";
import { type Account, fixtures, storageState } from "./helpers";

const menus: Record<Account, string[]> = {
  admin: ["Accueil", "Clients", "Pièces", "Litiges", "Relance", "Mes tâches", "Import", "Paramétrage"],
  supervisor: ["Accueil", "Clients", "Pièces", "Litiges", "Relance", "Mes tâches", "Paramétrage"],
  collector: ["Accueil", "Clients", "Pièces", "Litiges", "Relance", "Mes tâches"],
  collector2: ["Accueil", "Clients", "Pièces", "Litiges", "Relance", "Mes tâches"],
  sales: ["Accueil", "Clients", "Pièces", "Litiges", "Mes tâches"],
  manager: ["Accueil", "Clients", "Pièces", "Litiges", "Mes tâches"],
};

for (const account of Object.keys(menus) as Account[]) {
  test.describe(`${account}`, () => {
    test.use({ storageState: storageState(account) });

    test("sees the menu of the role and a home page with figures", async ({ page }) => {
      await page.goto("/");
      const menu = page.getByRole("navigation", { name: "Menu principal" });
      await expect(menu.getByRole("link")).toHaveText(menus[account]);
      await expect(page.getByRole("heading", { name: /^Encours/ }).first()).toBeVisible();
      await expect(page.getByRole("heading", { name: "Balance âgée" })).toBeVisible();
      await page.screenshot({ path: `test-results/screens/home-${account}.png`, fullPage: true });
    });
  });
}

test.describe("collector scope", () => {
  test.use({ storageState: storageState("collector") });

  test("opening another collector's client answers 404", async ({ page }) => {
    const { clientOfCollector1, clientOfCollector2 } = fixtures();
    const own = await page.goto(`/clients/${clientOfCollector1.id}`);
    expect(own?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: clientOfCollector1.name })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/client-page.png", fullPage: true });

    const other = await page.goto(`/clients/${clientOfCollector2.id}`);
    expect(other?.status()).toBe(404);
    await expect(page.getByText("Page introuvable")).toBeVisible();
  });

  test("Paramétrage is out of reach", async ({ page }) => {
    const response = await page.goto("/parametrage/utilisateurs");
    expect(response?.status()).toBe(404);
  });
});
