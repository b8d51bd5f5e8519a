import { expect, test } from "./test";
import { logIn, password } from "./helpers";

test("the login page is in French and refuses a wrong password", async ({ page }) => {
  await logIn(page, "admin@encaisse.demo", "mauvais-mot-de-passe");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: "test-results/screens/login-error.png" });
});

test("a signed-out visitor is sent to the login page, then back to the page asked for", async ({ page }) => {
  await page.goto("/clients?q=SAS");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/login.png" });
  await page.getByLabel("Adresse e-mail").fill("superviseur@encaisse.demo");
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/clients\?q=SAS$/);
});

test("after five failures the next tries from the same address wait, even with the right password", async ({ page }) => {
  const email = "commercial2@encaisse.demo";
  for (let i = 0; i < 5; i++) {
    await logIn(page, email, `faux-${i}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  }
  await logIn(page, email, password);
  await expect(page.locator("form").getByRole("alert")).toContainText("Trop de tentatives échouées");
});

test("logging out ends the session", async ({ page }) => {
  // Logout revokes every session of the user: an account no other test keeps a saved session for.
  await logIn(page, "recouvrement3@encaisse.demo");
  // The user menu is named by what it shows: the name, then the role.
  await page.getByRole("button", { name: /^Amélie Roux/ }).click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
