import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { fixtures, storageState } from "./helpers";
import { expect, test } from "./test";

/** Opens the dialog of `trigger`, clicking again if the first click landed before the page was hydrated. */
async function openDialog(page: Page, trigger: Locator) {
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    if (!(await dialog.isVisible())) await trigger.click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass();
  return dialog;
}

// SCREENSHOT_DIR=test-results/fiche npx playwright test e2e/client-actions.spec.ts keeps pictures of the dialogs.
async function picture(page: Page, name: string) {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png` });
}

/** yyyy-mm-dd and dd/mm/yyyy of the day `days` after today in Paris. */
function inDays(days: number) {
  const iso = new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
  return { iso, fr: iso.split("-").reverse().join("/") };
}

test.describe("collector on the fiche client", () => {
  test.use({ storageState: storageState("collector") });

  test("logs an unplanned call with a promise, sees it in the history, and downloads the statement of account", async ({ page }) => {
    const { clientForActions: client } = fixtures();
    await page.goto(`/clients/${client.id}`);
    await expect(page.getByRole("heading", { name: client.name })).toBeVisible();
    const history = page.getByRole("list", { name: "Historique du client" });

    const callButton = page.getByRole("button", { name: "Noter un appel" });
    const call = await openDialog(page, callButton);
    await expect(call.getByRole("heading", { name: "Noter un appel" })).toBeVisible();
    await call.getByLabel("Promesse de règlement").check();
    const promised = inDays(10);
    await call.getByLabel("Date promise").fill(promised.iso);
    await call.getByLabel("Montant promis (€)").fill("1 234,56");
    const documents = call.getByRole("group", { name: "Pièces concernées par la promesse" }).getByRole("checkbox");
    expect(await documents.count()).toBeGreaterThanOrEqual(3);
    // Invoices owed start ticked; a credit note does not.
    await expect(call.getByRole("checkbox", { name: /^FA/ }).first()).toBeChecked();
    await call.getByLabel("Note").fill("Appel entrant : virement annoncé par le comptable");
    await picture(page, "noter-un-appel");
    await call.getByRole("button", { name: "Enregistrer le résultat" }).click();
    await expect(call).toBeHidden();
    await expect(callButton).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Appel enregistré." })).toBeVisible();

    await expect(history).toContainText(new RegExp(`Promesse de règlement de 1\\s234,56\\s€ pour le ${promised.fr.replaceAll("/", "\\/")}`));
    const callEvent = history.getByRole("listitem").filter({ hasText: "Appel entrant : virement annoncé par le comptable" });
    await expect(callEvent).toContainText("Appel");
    await expect(callEvent).toContainText("Promesse de règlement");
    await expect(callEvent).toContainText("Faite");

    // The statement: a PDF of the open items on the letterhead, recorded in the history.
    const statementButton = page.getByRole("button", { name: "Relevé de compte" });
    const statement = await openDialog(page, statementButton);
    await picture(page, "releve-de-compte");
    const downloading = page.waitForEvent("download");
    await statement.getByRole("link", { name: "Télécharger le relevé (PDF)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^releve-de-compte-${client.code}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const pdf = new Uint8Array(fs.readFileSync((await download.path())!));
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain(`Relevé de compte au ${inDays(0).fr}`);
    expect(text).toContain(client.name);
    expect(text).toMatch(/Échu[\s\S]*Non échu[\s\S]*Total dû/);
    await page.keyboard.press("Escape");
    await expect(statement).toBeHidden();
    await expect(statementButton).toBeFocused();

    await page.reload();
    await expect(history.getByRole("listitem").filter({ hasText: `Relevé de compte au ${inDays(0).fr}` })).toContainText("Relevé de compte téléchargé (PDF)");
  });

  test("previews and sends an e-mail about chosen documents, shown in the history", async ({ page }) => {
    const { clientForActions: client } = fixtures();
    await page.goto(`/clients/${client.id}`);
    const emailButton = page.getByRole("button", { name: "Envoyer un e-mail" });
    const email = await openDialog(page, emailButton);
    await email.getByLabel("Objet").fill("Vos factures échues");
    await email.getByLabel("Message").fill("Bonjour,\n\nVous trouverez ci-joint la liste des factures échues.\n\nCordialement");
    await email.getByRole("button", { name: "Aperçu" }).click();
    const preview = email.getByRole("region", { name: "Aperçu de l'e-mail" });
    await expect(preview).toContainText("Vos factures échues");
    await picture(page, "envoyer-un-e-mail");
    await expect(preview).toContainText(new RegExp(`releve-${client.code}-\\d{4}-\\d{2}-\\d{2}\\.pdf`));
    await email.getByRole("button", { name: "Envoyer" }).click();
    await expect(email).toBeHidden();
    await expect(emailButton).toBeFocused();
    const sent = page.getByRole("list", { name: "Historique du client" }).getByRole("listitem").filter({ hasText: "Vos factures échues" });
    await expect(sent).toContainText("E-mail");
    await expect(sent.getByRole("link", { name: /^Voir l'e-mail/ })).toBeVisible();
  });
});

test.describe("sales rep", () => {
  test.use({ storageState: storageState("sales") });

  test("reads the fiche without the collector's actions, and cannot download a statement", async ({ page }) => {
    const { clientOfSales } = fixtures();
    await page.goto(`/clients/${clientOfSales.id}`);
    await expect(page.getByRole("heading", { name: clientOfSales.name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Noter un appel" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Relevé de compte" })).toHaveCount(0);
    const response = await page.request.get(`/clients/${clientOfSales.id}/releve`);
    expect(response.status()).toBe(403);
  });
});
