import type { Browser, Page } from "@playwright/test";
import { type Account, fixtures, storageState } from "./helpers";
import { expect, test } from "./test";

test.use({ storageState: storageState("collector") });

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n");

/** A second person's browser, failing the test on their page's JavaScript errors as the main page does. */
async function openAs(browser: Browser, account: Account, options: object = {}) {
  const context = await browser.newContext({ ...options, storageState: storageState(account) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${account} ${page.url()}: ${error.message}`));
  return { page, errors, close: () => context.close() };
}

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications \(\d+ non lues\)$/ });
async function unread(page: Page) {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  return Number(/\((\d+) non lues\)/.exec(name)?.[1]);
}

test("a collector and a sales rep settle a dispute together, notified live, the rep on a phone", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { disputeForCollaboration: dispute } = fixtures();
  const title = `Avoir à confirmer ${Date.now()}`;
  const taskNote = `Confirmer l'avoir avec l'acheteur (${title})`;

  // The sales rep waits on their home, on a phone; the page is never reloaded until they act.
  const rep = await openAs(browser, "sales", phone);
  await rep.page.goto("/");
  await expect(bell(rep.page)).toBeVisible();
  await rep.page.evaluate(() => Object.assign(window, { notReloaded: true }));
  const repBefore = await unread(rep.page);

  // The collector opens a discussion on the dispute, mentions the rep, then sends the delivery note as a PDF.
  await page.goto(`/litiges/${dispute.id}`);
  await page.getByRole("button", { name: /^Discussions/ }).click();
  const panel = page.getByRole("dialog", { name: "Discussions" });
  await panel.getByRole("button", { name: "Nouvelle discussion" }).click();
  await expect(panel.getByLabel("Sujet")).toHaveValue("litige");
  await panel.getByLabel("Titre").fill(title);
  const first = panel.getByRole("textbox", { name: "Message" });
  await first.pressSequentially("Le client conteste la livraison. @Nic");
  await panel.getByRole("listbox", { name: "Personnes à mentionner" }).getByRole("option", { name: /Nicolas Moreau/ }).click();
  await first.pressSequentially("peux-tu le confirmer ?");
  await panel.getByRole("button", { name: "Ouvrir la discussion" }).click();
  await expect(panel.getByRole("list", { name: "Messages" })).toContainText("@Nicolas Moreau");

  const chooser = page.waitForEvent("filechooser");
  await panel.getByRole("button", { name: "Joindre un fichier" }).click();
  await (await chooser).setFiles({ name: "Bon de livraison signé.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(panel.getByRole("list", { name: "Fichiers joints" })).toContainText("Bon de livraison signé.pdf");
  await panel.getByRole("textbox", { name: "Message" }).fill("Voici le bon de livraison signé.");
  await panel.getByRole("button", { name: "Envoyer" }).click();
  await expect(panel.getByRole("list", { name: "Messages" }).getByRole("link", { name: /Bon de livraison signé\.pdf/ })).toBeVisible();

  // …and asks the rep to confirm the credit note with the buyer.
  await page.goto(`/clients/${dispute.clientId}`);
  await page.getByRole("button", { name: "Assigner une tâche" }).click();
  const assign = page.getByRole("dialog", { name: "Assigner une tâche" });
  await expect(assign.getByLabel("Assignée à")).toHaveValue(/.+/);
  await expect(assign.getByLabel("Assignée à").locator("option:checked")).toHaveText(/Nicolas Moreau — commercial du client/);
  await assign.getByLabel("Description").fill(taskNote);
  await assign.getByRole("button", { name: "Assigner" }).click();
  await expect(assign).toBeHidden();
  await expect(bell(page)).toBeVisible();
  const collectorBefore = await unread(page);

  // On the phone: the mention, the reply and the task arrive without a reload.
  await expect.poll(() => unread(rep.page), { timeout: 30_000 }).toBeGreaterThanOrEqual(repBefore + 3);
  expect(await rep.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await rep.page.screenshot({ path: "test-results/screens/collaboration-phone-notified.png" });

  await bell(rep.page).click();
  await rep.page
    .getByRole("dialog", { name: "Notifications" })
    .getByRole("button", { name: new RegExp(`Sophie Durand vous a mentionné dans « ${title} »`) })
    .click();
  const repPanel = rep.page.getByRole("dialog", { name: "Discussions" });
  await expect(repPanel.getByRole("heading", { name: title })).toBeVisible();
  const download = rep.page.waitForEvent("download");
  await repPanel.getByRole("link", { name: /Bon de livraison signé\.pdf/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Bon de livraison signé.pdf");
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks)).toEqual(pdf);

  await repPanel.getByRole("textbox", { name: "Message" }).fill("Vu avec l'acheteur : livraison complète, il accepte un avoir de 10 %.");
  await repPanel.getByRole("button", { name: "Envoyer" }).click();
  await expect(repPanel.getByRole("list", { name: "Messages" })).toContainText("il accepte un avoir de 10 %");
  await rep.page.screenshot({ path: "test-results/screens/collaboration-phone-thread.png" });

  // The rep completes the task from « Mes tâches ».
  await rep.page.goto("/taches");
  const task = rep.page.getByRole("listitem").filter({ hasText: taskNote });
  await task.getByRole("button", { name: "Terminer" }).click();
  const done = rep.page.getByRole("dialog", { name: "Terminer la tâche" });
  await done.getByLabel("Note").fill("Avoir confirmé par l'acheteur.");
  await done.getByRole("button", { name: "Enregistrer" }).click();
  await expect(done).toBeHidden();
  await expect(rep.page.getByRole("listitem").filter({ hasText: taskNote }).getByRole("button", { name: "Terminer" })).toHaveCount(0);
  await rep.page.screenshot({ path: "test-results/screens/collaboration-phone-tasks.png", fullPage: true });

  // The collector, still on the fiche, hears of the reply and of the completed task.
  await expect.poll(() => unread(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(collectorBefore + 2);
  await bell(page).click();
  const notices = page.getByRole("dialog", { name: "Notifications" });
  await expect(notices).toContainText(`Nicolas Moreau a répondu dans « ${title} »`);
  await expect(notices).toContainText(`— ${dispute.clientName}`);
  expect(rep.errors).toEqual([]);
  await rep.close();

  // A supervisor sees how old the dispute is on /litiges.
  const supervisor = await openAs(browser, "supervisor");
  await supervisor.page.goto(`/litiges?q=${encodeURIComponent(dispute.clientName)}`);
  const row = supervisor.page.getByRole("row").filter({ hasText: dispute.clientName }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").filter({ hasText: /^\d[\d\s ]* j$/ })).toHaveCount(1);
  expect(supervisor.errors).toEqual([]);
  await supervisor.close();
});

test("a collector asks for the daily e-mail digest of their notifications, then turns it off", async ({ page }) => {
  await page.goto("/notifications");
  const digest = page.getByRole("form", { name: "Résumé par e-mail" });
  const box = digest.getByRole("checkbox", { name: /Recevoir chaque jour ouvré/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await digest.getByRole("button", { name: "Enregistrer" }).click();
  await expect(digest.getByRole("status")).toHaveText("Résumé quotidien activé : il partira le prochain jour ouvré à 7 h.");
  await page.screenshot({ path: "test-results/screens/notifications-digest.png", fullPage: true });
  await page.reload();
  await expect(box).toBeChecked();
  await box.uncheck();
  await digest.getByRole("button", { name: "Enregistrer" }).click();
  await expect(digest.getByRole("status")).toHaveText("Résumé quotidien désactivé.");
  await page.reload();
  await expect(box).not.toBeChecked();
});
