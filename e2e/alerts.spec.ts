import { expect, test } from "./test";
import { storageState } from "./helpers";

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("saves an alert on large overdue amounts, sees its clients and finds them flagged in the clients list", async ({ page }) => {
    await page.goto("/relance/alertes");
    await expect(page.getByText("Aucune alerte")).toBeVisible();
    await page.getByRole("link", { name: "Nouvelle alerte" }).click();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Donnez un nom à l'alerte.")).toBeVisible();

    await page.getByLabel("Nom de l'alerte").fill("Gros retards");
    await expect(page.getByLabel("Champ du critère 1")).toHaveValue("overdue");
    await page.getByLabel("Opérateur du critère 1").selectOption("gt");
    await page.getByLabel("Valeur du critère 1").fill("5 000");
    await page.getByRole("button", { name: "Enregistrer" }).click();

    await expect(page).toHaveURL(/\/relance\/alertes$/);
    const card = page.getByRole("article", { name: "Gros retards" });
    await expect(card).toContainText("Échu > 5\u202f000 €");
    await expect(card).toContainText(/[1-9][\d\u202f]* clients? · échu/);
    await card.getByRole("link", { name: "Voir les clients" }).click();
    const rows = page.getByRole("region", { name: /Clients signalés par « Gros retards »/ }).getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
    const firstName = (await rows.nth(1).getByRole("cell").nth(1).textContent())!.trim();
    await page.screenshot({ path: "test-results/screens/alerts.png", fullPage: true });

    // The most overdue clients come first in the default clients list too, flagged.
    await page.goto("/clients");
    const row = page.getByRole("row", { name: new RegExp(firstName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    await expect(row.getByText("Alerte")).toBeVisible();
    await expect(row.getByText("Alerte")).toHaveAttribute("title", "Alerte : Gros retards");

    await page.goto("/relance/alertes");
    await card.getByRole("button", { name: "Supprimer « Gros retards »" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByText("Aucune alerte")).toBeVisible();
  });
});

test("an alert is a real 404 for another collector and for an unknown id", async ({ browser }) => {
  const owner = await browser.newContext({ storageState: storageState("collector2") });
  const ownerPage = await owner.newPage();
  await ownerPage.goto("/relance/alertes/nouvelle");
  await ownerPage.getByLabel("Nom de l'alerte").fill("Alerte privée");
  await ownerPage.getByLabel("Valeur du critère 1").fill("1");
  await ownerPage.getByRole("button", { name: "Enregistrer" }).click();
  await expect(ownerPage).toHaveURL(/\/relance\/alertes$/);
  const href = (await ownerPage.getByRole("link", { name: "Modifier « Alerte privée »" }).getAttribute("href"))!;
  expect((await ownerPage.goto(href))?.status()).toBe(200);
  await expect(ownerPage.getByRole("heading", { name: "Alerte privée" })).toBeVisible();

  const other = await browser.newContext({ storageState: storageState("collector") });
  const otherPage = await other.newPage();
  for (const path of [href, "/relance/alertes/00000000-0000-4000-8000-000000000000", "/relance/alertes/pas-un-id"]) {
    const response = await otherPage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(otherPage.getByText("Alerte privée")).toHaveCount(0);
  }

  await ownerPage.goto("/relance/alertes");
  await ownerPage.getByRole("button", { name: "Supprimer « Alerte privée »" }).click();
  await ownerPage.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
  await expect(ownerPage.getByText("Aucune alerte")).toBeVisible();
  await owner.close();
  await other.close();
});

test.describe("sales", () => {
  test.use({ storageState: storageState("sales") });

  test("has no alerts page", async ({ page }) => {
    const response = await page.goto("/relance/alertes");
    expect(response?.status()).toBe(404);
  });
});
