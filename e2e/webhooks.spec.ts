/**
 * Paramétrage → Webhooks: an administrator subscribes a receiver (started here on 127.0.0.1; the e2e server allows
 * private addresses), puts a pièce in dispute and lifts it, sees both events in the delivery log, runs the delivery
 * job, checks the receiver got them signed with the secret shown once, replays one, then removes the subscription.
 */
import { startReceiver } from "../lib/webhooks/receiver.testing";
import { verifyWebhookSignature } from "../lib/webhooks/sign";
import { audit } from "./axe";
import { storageState } from "./helpers";
import { expect, test } from "./test";

test.use({ storageState: storageState("admin") });

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  // The secret is not known yet: signatures are checked below with the one the page shows.
  receiver = await startReceiver("");
});
test.afterAll(() => receiver.close());

test("an administrator subscribes a receiver, follows its delivery log and replays a delivery", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/parametrage");
  await page.getByRole("navigation", { name: "Sections du paramétrage" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveURL(/\/parametrage\/webhooks$/);
  await expect(page.getByText("Aucun abonnement")).toBeVisible();

  await page.getByRole("button", { name: "Nouvel abonnement" }).click();
  const dialog = page.getByRole("dialog", { name: "Nouvel abonnement" });
  await dialog.getByLabel("Adresse de réception (URL)").fill(receiver.url);
  await dialog.getByRole("button", { name: "Créer l'abonnement" }).click();
  await expect(dialog.getByText("Choisissez au moins un événement.")).toBeVisible();
  await dialog.getByLabel("Description (facultative)").fill("ERP – litiges");
  await dialog.getByRole("checkbox", { name: /Litige ouvert/ }).check();
  // The keyboard ticks a box as well as the mouse.
  await dialog.getByRole("checkbox", { name: /Litige résolu ou clos/ }).focus();
  await page.keyboard.press("Space");
  await dialog.getByRole("button", { name: "Créer l'abonnement" }).click();

  const created = page.getByRole("dialog", { name: "Abonnement créé" });
  const secret = await created.getByLabel("Secret de signature").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: "test-results/screens/webhooks-secret.png" });
  await created.getByRole("button", { name: "J'ai copié le secret" }).click();
  const row = page.getByRole("row", { name: new RegExp(receiver.url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) });
  await expect(row).toContainText("Actif");
  await expect(row).toContainText("dispute.opened");
  await expect(row).toContainText("dispute.resolved");
  await page.screenshot({ path: "test-results/screens/webhooks-list.png" });
  // Shown once: the list never shows it again.
  await expect(page.getByText(secret)).toHaveCount(0);

  // Two events: a pièce put in dispute, then the dispute lifted.
  await page.goto("/pieces?type=invoice&disputed=no");
  const box = page.getByRole("checkbox", { name: /^Sélectionner / }).first();
  const number = (await box.getAttribute("aria-label"))!.replace("Sélectionner ", "");
  await box.check();
  await page.getByLabel("Motif du litige").fill("Quantités livrées contestées");
  await page.getByRole("button", { name: "Marquer en litige" }).click();
  await expect(page.getByRole("status")).toHaveText("1 pièce mise en litige.");
  await page.goto("/pieces?type=invoice&disputed=yes");
  await page.getByRole("checkbox", { name: `Sélectionner ${number}` }).check();
  await page.getByRole("button", { name: "Lever le litige des pièces cochées" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Litige levé sur/);

  // The log holds both, waiting: this server runs no job by itself.
  await page.goto("/parametrage/webhooks");
  await page.getByRole("link", { name: `Journal des envois de ${receiver.url}` }).click();
  const deliveries = page.getByTestId("webhook-delivery");
  await expect(deliveries).toHaveCount(2);
  await expect(deliveries.nth(0)).toContainText("Litige résolu ou clos");
  await expect(deliveries.nth(1)).toContainText("Litige ouvert");
  await expect(deliveries.nth(0)).toContainText("En attente");

  await page.goto("/parametrage/traitements");
  await page.getByRole("button", { name: "Lancer maintenant : Envoi des webhooks" }).click();
  await expect(page.getByRole("status")).toHaveText("Traitement terminé.");
  expect(receiver.received.map((r) => r.event).sort()).toEqual(["dispute.opened", "dispute.resolved"]);
  for (const r of receiver.received) expect(verifyWebhookSignature(secret, r.signature, r.body, 300)).toBe(true);
  const opened = JSON.parse(receiver.received.find((r) => r.event === "dispute.opened")!.body);
  expect(opened).toMatchObject({ event: "dispute.opened", data: { status: "open", reason: "Quantités livrées contestées" } });
  expect(opened.data.amount).toMatch(/^\d+\.\d{2}$/);

  await page.goto("/parametrage/webhooks");
  await page.getByRole("link", { name: `Journal des envois de ${receiver.url}` }).click();
  await expect(deliveries.filter({ hasText: "Livré" })).toHaveCount(2);

  // Replayed by hand: sent again now, logged as such.
  await deliveries.nth(1).getByRole("button", { name: "Renvoyer l'événement dispute.opened" }).click();
  await expect(deliveries.nth(1).getByRole("status")).toHaveText("Renvoyé : le destinataire a répondu 200.");
  expect(receiver.received).toHaveLength(3);
  expect(receiver.received[2].delivery).toBe(receiver.received.find((r) => r.event === "dispute.opened")!.delivery);
  const summary = deliveries.nth(1).getByText("2 essais et contenu envoyé");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(deliveries.nth(1).getByRole("cell", { name: "Renvoi manuel" })).toBeVisible();
  await expect(deliveries.nth(1).getByRole("cell", { name: "Automatique" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/webhooks-log.png", fullPage: true });
  expect(await audit(page, "journal des envois")).toBe("");

  await page.getByRole("button", { name: `Désactiver l'abonnement ${receiver.url}` }).click();
  await expect(page.getByText("Désactivé", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Supprimer l'abonnement ${receiver.url}` }).click();
  await page.getByRole("dialog", { name: "Supprimer l'abonnement ?" }).getByRole("button", { name: "Supprimer" }).click();
  await page.goto("/parametrage/webhooks");
  await expect(page.getByText("Aucun abonnement")).toBeVisible();
});
