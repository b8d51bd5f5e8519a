import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Opens the dialog of `trigger`, clicking again if the first click landed before the page was hydrated. */
async function openDialog(page: Page, trigger: Locator) {
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    if (!(await dialog.isVisible())) await trigger.click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass();
  return dialog;
}

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("opens a client, sorts its documents, flags and clears a dispute, comments and adds a contact", async ({ page }) => {
    const { clientForFiche } = fixtures();
    await page.goto(`/clients/${clientForFiche.id}`);
    await expect(page.getByRole("heading", { name: clientForFiche.name })).toBeVisible();
    await expect(page.getByRole("region", { name: "Indicateurs du client" })).toContainText("DBT");

    // Sorting by lateness, largest first, is held in the URL.
    await page.getByRole("link", { name: "Retard" }).click();
    await expect(page).toHaveURL(/tri=retard&ordre=desc/);
    const documents = page.getByRole("table");
    await expect(documents.getByRole("columnheader", { name: "Retard" })).toHaveAttribute("aria-sort", "descending");
    const lateness = (await documents.locator("tbody tr td:nth-child(6)").allTextContents()).map((t) => Number(t.replace(/\D/g, "")) || 0);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    expect(lateness[0]).toBeGreaterThan(0);

    // Flag the most overdue document as disputed, with a reason.
    const flag = page.getByRole("button", { name: /^Marquer .+ en litige$/ }).first();
    const number = (await flag.getAttribute("aria-label"))!.replace(/^Marquer /, "").replace(/ en litige$/, "");
    const dialog = await openDialog(page, flag);
    await dialog.getByLabel("Motif du litige").fill("Marchandise non conforme");
    await dialog.getByRole("button", { name: "Marquer en litige" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row", { name: new RegExp(escape(number)) })).toContainText("Litige");
    const history = page.getByRole("list", { name: "Historique du client" });
    await expect(history.getByRole("listitem").first()).toContainText(`Litige ouvert sur ${number}`);
    await expect(history.getByRole("listitem").first()).toContainText("Marchandise non conforme");

    // A comment goes to the top of the history and the box empties.
    const comment = page.getByLabel("Ajouter un commentaire");
    await comment.fill("Client rappelé : règlement annoncé pour la fin du mois.");
    await comment.press("Control+Enter");
    await expect(history.getByRole("listitem").first()).toContainText("Client rappelé : règlement annoncé pour la fin du mois.");
    await expect(comment).toHaveValue("");

    // A new contact takes the SMS reminders; the server asks for a mobile first.
    const contacts = page.getByRole("list", { name: "Contacts du client" });
    await openDialog(page, page.getByRole("button", { name: "Ajouter un contact" }));
    await dialog.getByLabel("Civilité").selectOption("Madame");
    await dialog.getByLabel("Nom").fill("Martine Lacroix");
    await dialog.getByLabel("Rôle").selectOption("comptabilité");
    await dialog.getByLabel("Adresse e-mail").fill("martine.lacroix@exemple.fr");
    await dialog.getByLabel("Destinataire des relances par SMS").check();
    await dialog.getByRole("button", { name: "Ajouter le contact" }).click();
    await expect(dialog.getByText("Un numéro de mobile est nécessaire pour recevoir les relances par SMS.")).toBeVisible();
    await expect(dialog.getByLabel("Nom")).toHaveValue("Martine Lacroix");
    await dialog.getByLabel("Mobile").fill("06 12 34 56 78");
    await dialog.getByRole("button", { name: "Ajouter le contact" }).click();
    await expect(dialog).toBeHidden();
    const martine = contacts.getByRole("listitem", { name: "Martine Lacroix" });
    await expect(martine).toContainText("Comptabilité");
    await expect(martine).toContainText("Relances par SMS");
    await expect(contacts.getByText(/Relances par .*SMS/)).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/screens/client-page-collector.png", fullPage: true });

    // The dispute is cleared from the same table.
    await openDialog(page, page.getByRole("button", { name: `Lever le litige sur ${number}` }));
    await dialog.getByRole("button", { name: "Lever le litige" }).click();
    await expect(dialog).toBeHidden();
    await expect(history.getByRole("listitem").first()).toContainText(`Litige levé sur ${number}`);
    await expect(page.getByRole("button", { name: `Marquer ${number} en litige` })).toBeVisible();
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("gives a client to another collector, and the former collector can no longer open it", async ({ page, browser, baseURL }) => {
    const { clientToReassign } = fixtures();
    const former = await browser.newContext({ baseURL, storageState: storageState("collector2") });
    const formerPage = await former.newPage();
    expect((await formerPage.goto(`/clients/${clientToReassign.id}`))?.status()).toBe(200);

    await page.goto(`/clients/${clientToReassign.id}`);
    await expect(page.getByText("Thomas Petit", { exact: true })).toBeVisible();
    const dialog = await openDialog(page, page.getByRole("button", { name: "Changer le chargé de recouvrement" }));
    await dialog.getByLabel("Chargé de recouvrement").selectOption({ label: "Amélie Roux" });
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Amélie Roux", { exact: true })).toBeVisible();

    // Reminders paused until a date, with a reason.
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const pause = await openDialog(page, page.getByRole("button", { name: "Suspendre les relances" }));
    await pause.getByLabel("Jusqu'au").fill(until);
    await pause.getByLabel("Motif").fill("Échéancier accordé");
    await pause.getByRole("button", { name: "Suspendre" }).click();
    await expect(pause).toBeHidden();
    const shown = until.split("-").reverse().join("/");
    await expect(page.getByText(`Relances suspendues jusqu'au ${shown}`).first()).toBeVisible();
    await expect(page.getByText("Motif : Échéancier accordé")).toBeVisible();
    await expect(page.getByRole("button", { name: "Reprendre les relances" })).toBeVisible();
    // Both changes are in the client's history, newest first, with who made them.
    const history = page.getByRole("list", { name: "Historique du client" }).getByRole("listitem");
    await expect(history.nth(0)).toContainText(`Suspension des relances jusqu'au ${shown}`);
    await expect(history.nth(0)).toContainText("Échéancier accordé");
    await expect(history.nth(1)).toContainText("Chargé de recouvrement : Amélie Roux");
    await expect(history.nth(1)).toContainText("Auparavant : Thomas Petit");
    // Call outcomes read in French, never as their stored codes.
    await expect(page.getByRole("list", { name: "Historique du client" })).not.toContainText(/\b(not_reached|voicemail|reached|promise|already_paid)\b/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/screens/client-page-admin.png", fullPage: true });

    expect((await formerPage.goto(`/clients/${clientToReassign.id}`))?.status()).toBe(404);
    await expect(formerPage.getByText("Page introuvable")).toBeVisible();
    await former.close();
  });
});

test.describe("sales", () => {
  test.use({ storageState: storageState("sales") });

  test("reads the fiche of a client and may only take part in its discussions", async ({ page }) => {
    const { clientOfSales } = fixtures();
    await page.goto(`/clients/${clientOfSales.id}`);
    await expect(page.getByRole("heading", { name: clientOfSales.name })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Pièces ouvertes" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Historique" })).toBeVisible();
    const buttons = await page.getByRole("main").getByRole("button").all();
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) await expect(button).toHaveAccessibleName(/^Discussions/);
    await expect(page.getByLabel("Ajouter un commentaire")).toHaveCount(0);
  });
});
