import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { storageState } from "./helpers";

const step = (page: Page, n: number) => ({
  label: page.getByLabel(`Libellé de l'étape ${n}`),
  offset: page.getByLabel(`Décalage de l'étape ${n} (jours)`),
  action: page.getByLabel(`Action de l'étape ${n}`),
  template: page.getByLabel(`Modèle de l'étape ${n}`),
  mode: page.getByLabel(`Mode de l'étape ${n}`),
  minAmount: page.getByLabel(`Montant minimum de l'étape ${n}`),
  recipient: page.getByLabel(`Destinataire de l'étape ${n}`),
});

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("reads the stored forecast of the coming nights, and has it computed again on « Recalculer »", async ({ page }) => {
    await page.goto("/relance/scenarios");
    const forecast = page.getByRole("region", { name: "Prévisions" });
    await expect(forecast.getByRole("status")).toHaveText(/^Calculées le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/);
    await forecast.getByRole("button", { name: "Recalculer" }).click();
    // The page follows the computation in the background and shows the new forecast once stored.
    await expect(forecast.getByRole("button", { name: "Recalculer" })).toBeEnabled({ timeout: 30_000 });
    await expect(forecast.getByRole("status")).toHaveText(/^Calculées le /);
    await expect(forecast.getByRole("heading", { name: "Prévisions des 30 prochaines nuits" })).toBeVisible();
    await expect(forecast.getByRole("row", { name: /J\+5 E-mail de relance/ })).toBeVisible();
  });

  test("sees the standard scenario, creates one with three steps, and cannot delete it while a group uses it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Relance" }).click();
    await page.getByRole("link", { name: "Configuration", exact: true }).click();
    await page.getByRole("navigation", { name: "Configuration de la relance" }).getByRole("link", { name: "Scénarios" }).click();
    await expect(page).toHaveURL(/\/relance\/scenarios$/);

    const standard = page.getByRole("article", { name: /^Standard/ });
    await expect(standard).toContainText("5 étapes");
    await expect(standard).toContainText("Utilisé par le groupe Tous les clients");
    // The demo clients follow « Standard »: the coming nights have work in store, drawn and tabulated.
    const forecast = page.getByRole("region", { name: "Prévisions" });
    await expect(forecast.getByRole("heading", { name: "Prévisions des 30 prochaines nuits" })).toBeVisible();
    await expect(forecast.getByRole("row", { name: /J\+5 E-mail de relance/ }).getByRole("cell").nth(2)).toHaveText(/^[1-9][\d\u202f]*$/);
    await expect(forecast.getByRole("img", { name: /actions prévues sur 30 nuits/ })).toBeVisible();
    const standardSteps = standard.getByRole("list", { name: "Étapes", exact: true }).getByRole("listitem");
    await expect(standardSteps).toHaveCount(5);
    await expect(standardSteps.nth(0)).toContainText("J-5");
    await expect(standardSteps.nth(0)).toContainText("Rappel avant échéance");
    await expect(standardSteps.nth(2)).toContainText("Appel");
    await expect(standardSteps.nth(4)).toContainText("Mise en demeure");
    await expect(standardSteps.nth(4)).toContainText("Automatique à confirmer");
    await page.screenshot({ path: "test-results/screens/scenarios.png", fullPage: true });

    await standard.getByRole("link", { name: "Modifier « Standard »" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Standard");
    await expect(step(page, 5).action.locator("option:checked")).toHaveText("Mise en demeure");
    await expect(step(page, 5).template.locator("option:checked")).toHaveText("Mise en demeure");
    await expect(step(page, 5).minAmount).toHaveValue("500,00");
    await expect(page.getByRole("list", { name: "Étapes du scénario" }).getByRole("listitem")).toHaveCount(5);
    await page.getByRole("region", { name: "Frise des relances autour de l'échéance" }).screenshot({ path: "test-results/screens/scenario-standard-timeline.png" });
    await page.getByRole("link", { name: "Annuler" }).click();

    await page.getByRole("link", { name: "Nouveau scénario" }).click();
    await page.getByLabel("Nom du scénario").fill("Relance grands comptes");
    const first = step(page, 1);
    await first.label.fill("Relance amiable par e-mail");
    await first.offset.fill("3");
    await expect(first.template.getByRole("option")).toHaveText(["Choisir un modèle…", "Rappel avant échéance", "Relance amiable"]);

    await page.getByRole("button", { name: "Ajouter une étape" }).click();
    const second = step(page, 2);
    await second.label.fill("Appel du comptable");
    await second.offset.fill("20");
    await second.action.selectOption({ label: "Appel" });
    await expect(second.template).toBeDisabled();
    await expect(second.mode.getByRole("option")).toHaveText(["Manuel"]);
    await second.recipient.selectOption({ label: "Comptabilité" });

    await page.getByRole("button", { name: "Ajouter une étape" }).click();
    const third = step(page, 3);
    await third.label.fill("Lettre de relance");
    await third.offset.fill("40");
    await third.action.selectOption({ label: "Courrier" });
    await expect(third.template.getByRole("option")).toHaveText(["Choisir un modèle…", "Lettre de relance", "Mise en demeure"]);
    await third.template.selectOption({ label: "Lettre de relance" });
    await third.mode.selectOption({ label: "Automatique à confirmer" });
    await third.minAmount.fill("1 500,00");

    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Choisissez un modèle d'e-mail pour cette étape.")).toBeVisible();
    await expect(first.template).toHaveAttribute("aria-invalid", "true");

    await first.template.selectOption({ label: "Relance amiable" });
    const timeline = page.getByRole("list", { name: "Étapes du scénario" });
    await expect(timeline.getByRole("listitem")).toHaveText([
      /^J\+3 · E-mail · Automatique — Relance amiable par e-mail/,
      /^J\+20 · Appel · Manuel — Appel du comptable/,
      /^J\+40 · Courrier · Automatique à confirmer — Lettre de relance/,
    ]);
    // Moving a step updates the drawing at once.
    await page.getByRole("button", { name: "Descendre l'étape 1" }).click();
    await expect(step(page, 1).label).toHaveValue("Appel du comptable");
    await page.getByRole("button", { name: "Monter l'étape 2" }).click();
    await expect(step(page, 1).label).toHaveValue("Relance amiable par e-mail");
    // A step added by mistake is removed from the keyboard.
    await page.getByRole("button", { name: "Ajouter une étape" }).click();
    await expect(step(page, 4).offset).toHaveValue("50");
    await page.getByRole("button", { name: "Retirer l'étape 4" }).focus();
    await page.keyboard.press("Enter");
    await expect(step(page, 4).label).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Ajouter une étape" })).toBeFocused();
    await page.screenshot({ path: "test-results/screens/scenario-editor.png", fullPage: true });
    await page.getByRole("region", { name: "Frise des relances autour de l'échéance" }).screenshot({ path: "test-results/screens/scenario-timeline.png" });

    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/relance\/scenarios$/);
    const created = page.getByRole("article", { name: /^Relance grands comptes/ });
    await expect(created).toContainText("3 étapes");
    await expect(created.getByRole("list", { name: "Étapes", exact: true }).getByRole("listitem")).toHaveText([
      /J\+3.*Relance amiable par e-mail.*« Relance amiable ».*Automatique/,
      /J\+20.*Appel du comptable.*Manuel/,
      /J\+40.*Lettre de relance · Courrier · dès 1\s500,00\s€.*Automatique à confirmer/,
    ]);

    // A group using the scenario prevents its deletion.
    await page.goto("/relance/groupes/nouveau");
    await page.getByLabel("Nom du groupe").fill("Grands comptes");
    await page.getByLabel("Scénario").selectOption({ label: "Relance grands comptes" });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/relance\/groupes$/);

    await page.goto("/relance/scenarios");
    await expect(created).toContainText("Utilisé par le groupe Grands comptes");
    await created.getByRole("button", { name: "Supprimer « Relance grands comptes »" }).click();
    const dialog = page.getByRole("dialog", { name: "Supprimer le scénario « Relance grands comptes » ?" });
    await dialog.getByRole("button", { name: "Supprimer" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "Ce scénario est utilisé par le groupe « Grands comptes » : choisissez un autre scénario pour ce groupe avant de le supprimer.",
    );
    await page.screenshot({ path: "test-results/screens/scenario-delete-refused.png" });
    await dialog.getByRole("button", { name: "Annuler" }).click();

    // Once the group is gone, the scenario can be deleted.
    await page.goto("/relance/groupes");
    await page.getByRole("button", { name: "Supprimer « Grands comptes »" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByRole("button", { name: "Supprimer « Grands comptes »" })).toHaveCount(0);
    await page.goto("/relance/scenarios");
    await created.getByRole("button", { name: "Supprimer « Relance grands comptes »" }).click();
    await dialog.getByRole("button", { name: "Supprimer" }).click();
    await expect(created).toHaveCount(0);
    await expect(standard).toBeVisible();
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("is refused the scenarios pages", async ({ page }) => {
    const response = await page.goto("/relance/scenarios");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Page introuvable")).toBeVisible();
    expect((await page.goto("/relance/scenarios/nouveau"))?.status()).toBe(404);
  });
});
