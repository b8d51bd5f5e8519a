import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import ExcelJS from "exceljs";
import { fixtures, storageState } from "./helpers";

type AgendaFixtures = { actionOfCollector2: { id: string }; collector3: { id: string; name: string } };
const agendaFixtures = () => fixtures() as unknown as AgendaFixtures;

const tab = (page: Page, name: string) => page.getByRole("navigation", { name: "Agenda de relance" }).getByRole("link", { name: new RegExp(`^${name}`) });
const counter = (page: Page, name: string, kind: "total" | "due") => tab(page, name).locator(`[data-counter="${kind}"]`);
const countOf = async (page: Page, name: string, kind: "total" | "due") => Number((await counter(page, name, kind).innerText()).replace(/\D/g, ""));

/** A date from today in Paris, as the app counts days: the test process may run on UTC, an hour behind. */
function inDays(days: number) {
  const d = new Date(`${new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Paris" })}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Opens the first manual action of the list and returns its dialog. */
async function openFirst(page: Page) {
  await page.getByRole("grid", { name: /^Actions manuelles/ }).getByRole("link", { name: /^Traiter/ }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("table", { name: "Pièces concernées" })).toBeVisible();
  return dialog;
}

async function logOutcome(page: Page, fill: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  const before = await countOf(page, "Actions manuelles", "total");
  const dialog = await openFirst(page);
  await fill(dialog);
  const openedUrl = page.url();
  const id = new URL(openedUrl).searchParams.get("action");
  await dialog.getByRole("button", { name: "Enregistrer le résultat" }).click();
  await expect(page).not.toHaveURL(openedUrl);
  // Saving opens the next action of the list (its id in the address): once it is open, back to the list.
  if (new URL(page.url()).searchParams.get("action")) {
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.keyboard.press("Escape");
  }
  await expect(page.getByRole("dialog")).toHaveCount(0);
  // The action worked leaves the list (the total may not drop by one: a promise's follow-up can join it).
  await expect(page.locator(`a[href*="action=${id}"]`)).toHaveCount(0);
  expect(await countOf(page, "Actions manuelles", "total")).toBeLessThanOrEqual(before);
}

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("works three manual actions: a promise, a dispute and a message left", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Relance" }).click();
    await expect(page).toHaveURL(/\/relance$/);
    await expect(tab(page, "Actions manuelles")).toHaveAttribute("aria-current", "page");
    // A collector starts on their own actions.
    await expect(page.getByLabel("Chargé de recouvrement")).toHaveValue("");
    await expect(page.getByRole("link", { name: "Configuration", exact: true })).toHaveCount(0);
    expect(await countOf(page, "Actions manuelles", "due")).toBeGreaterThan(0);
    await expect(page.locator('tr[data-tone="due"]').first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/agenda-manual.png", fullPage: true });

    const dialog = await openFirst(page);
    await expect(dialog.getByRole("link").first()).toHaveAttribute("href", /^\/clients\//);
    await page.screenshot({ path: "test-results/screens/agenda-action-open.png" });
    await dialog.getByRole("button", { name: "Fermer" }).click();

    await logOutcome(page, async (d) => {
      await d.getByLabel("Promesse de règlement", { exact: true }).check();
      await d.getByLabel("Date promise").fill(inDays(10));
      await expect(d.getByLabel("Montant promis (€)")).not.toHaveValue("");
      await d.getByLabel("Note").fill("Virement promis par la comptable");
      await page.screenshot({ path: "test-results/screens/agenda-promise.png" });
    });
    await logOutcome(page, async (d) => {
      await d.getByLabel("Litige", { exact: true }).check();
      await d.getByLabel("Motif du litige").fill("Livraison incomplète");
      const first = d.getByRole("group", { name: "Pièces en litige" }).getByRole("checkbox").first();
      await first.check();
    });
    await logOutcome(page, async (d) => {
      await d.getByLabel("Message laissé", { exact: true }).check();
      await d.getByLabel("Note").fill("Rappeler jeudi");
    });

    await tab(page, "Historique").click();
    await expect(page).toHaveURL(/\/relance\/historique/);
    // The demo has weeks of past actions: today's include the three just logged (and what a promise cancelled).
    await page.goto(`/relance/historique?from=${inDays(0)}&to=${inDays(0)}`);
    const history = page.getByRole("table", { name: "Historique des actions" });
    await expect(history).toContainText("Promesse de règlement — Virement promis par la comptable");
    await expect(history).toContainText("Litige : Livraison incomplète");
    await expect(history).toContainText("Message laissé — Rappeler jeudi");
    await page.screenshot({ path: "test-results/screens/agenda-history.png", fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter l'historique (xlsx)" }).click()]);
    const file = path.join("test-results", "historique.xlsx");
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("Historique")!;
    expect(sheet.getRow(1).getCell(4).value).toBe("Raison sociale");
    expect(sheet.rowCount).toBe(await history.getByRole("row").count());
    const results = Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(8).value));
    expect(results.some((v) => v.startsWith("Promesse de règlement"))).toBe(true);
    expect(results).toContain("Litige : Livraison incomplète");
    fs.rmSync(file);
  });

  test("filters stay applied across tabs, and an empty result says so", async ({ page }) => {
    await page.goto("/relance");
    await page.getByLabel("Client", { exact: true }).fill("zzzz-introuvable");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/q=zzzz-introuvable/);
    await expect(page.getByText("Aucune action manuelle à traiter")).toBeVisible();
    await expect(counter(page, "Actions manuelles", "total")).toHaveText(/0$/);
    await page.screenshot({ path: "test-results/screens/agenda-empty.png", fullPage: true });
    await tab(page, "Relances automatiques").click();
    await expect(page).toHaveURL(/\/relance\/automatiques\?q=zzzz-introuvable/);
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue("zzzz-introuvable");
    await tab(page, "Historique").click();
    await expect(page).toHaveURL(/\/relance\/historique\?q=zzzz-introuvable/);
  });

  test("another portfolio's action is « introuvable »", async ({ page }) => {
    await page.goto(`/relance?collector=all&action=${agendaFixtures().actionOfCollector2.id}`);
    await expect(page.getByRole("dialog")).toContainText("Action introuvable.");
  });

  test("reschedules an action from the fiche client", async ({ page }) => {
    await page.goto(`/clients/${fixtures().clientForFiche.id}`);
    const card = page.getByRole("region", { name: "Actions à venir" });
    const first = card.getByRole("listitem").first();
    await expect(first).toBeVisible();
    await first.getByLabel(/^Nouvelle date pour/).fill(inDays(20));
    await first.getByRole("button", { name: "Replanifier" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 action replanifiée." })).toBeVisible();
    await page.getByRole("heading", { name: "Actions de relance" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screens/agenda-fiche-client.png" });
  });
});

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("confirms every awaiting automatic action matching the filters in one click", async ({ page }) => {
    await page.goto("/relance/automatiques");
    await expect(page.getByRole("link", { name: "Configuration", exact: true })).toBeVisible();
    await expect(page.locator('tr[data-tone="error"]').first()).toBeVisible();
    // A hover before the page is hydrated opens nothing: hover again until the tooltip answers.
    await expect(async () => {
      await page.mouse.move(0, 0);
      await page.locator('tr[data-tone="error"]').first().getByRole("button", { name: /^En erreur/ }).hover();
      await expect(page.getByRole("tooltip")).toContainText("Aucune adresse e-mail pour le contact de facturation", { timeout: 2_000 });
    }).toPass();
    await page.screenshot({ path: "test-results/screens/agenda-automatic.png" });
    const preview = page.getByRole("link", { name: "Voir le message" }).first();
    await expect(preview).toHaveAttribute("target", "_blank");
    await expect(preview).toHaveAttribute("href", /^\/relance\/actions\/[0-9a-f-]+\/apercu$/);

    const { collector3 } = agendaFixtures();
    await page.getByLabel("Chargé de recouvrement").selectOption({ label: collector3.name });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(new RegExp(`collector=${collector3.id}`));
    const due = await countOf(page, "Relances automatiques", "due");
    expect(due).toBeGreaterThan(0);

    // What the chips count before confirming: the à confirmer are confirmed, the confirmed and failed ones are not.
    const chip = async (label: string) =>
      Number((await page.getByRole("group", { name: "Filtrer par état" }).getByRole("button", { name: new RegExp(`^${label}`) }).locator(".tabular").innerText()).replace(/\D/g, ""));
    const toConfirm = await chip("À confirmer");
    const ignored = (await chip("Confirmée")) + (await chip("En erreur"));
    expect(toConfirm).toBeGreaterThan(0);
    expect(ignored, "des relances déjà confirmées ou en erreur parmi celles du chargé").toBeGreaterThan(0);

    await page.getByLabel("Sélectionner toute la page").click();
    await page.getByRole("button", { name: /^Sélectionner tout ce qui correspond aux filtres/ }).click();
    await expect(page.getByRole("region", { name: "Actions sur la sélection" })).toContainText("tout ce qui correspond aux filtres");
    await page.screenshot({ path: "test-results/screens/agenda-automatic-selection.png" });
    await page.getByRole("button", { name: "Confirmer", exact: true }).click();
    const status = page.getByRole("status");
    await expect(status).toHaveText(/actions? confirmées? ; [\d\u202f ]+ actions? ignorées? car pas à confirmer\. Celles du jour partent maintenant\.$/);
    const [, confirmedText, ignoredText] = /^([\d\u202f\u00a0 ]+) actions? confirmées? ; ([\d\u202f\u00a0 ]+) actions? ignorées?/.exec((await status.innerText()).trim())!;
    expect(Number(confirmedText.replace(/\D/g, ""))).toBe(toConfirm);
    expect(Number(ignoredText.replace(/\D/g, ""))).toBe(ignored);
    await expect(counter(page, "Relances automatiques", "due")).toHaveText(/^(À réaliser : )?0$/);
    await expect(page.locator('tr[data-tone="late"], tr[data-tone="future"]')).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/agenda-automatic-confirmed.png" });

    // The confirmed letters already due go out right after the answer: today's history shows them sent.
    await page.goto(`/relance/historique?collector=${collector3.id}&from=${inDays(0)}&to=${inDays(0)}`);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("cell", { name: "Envoyée" }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  });
});

test.describe("supervisor, handing over", () => {
  test.use({ storageState: storageState("supervisor") });

  test("hands an action to a colleague, who works it with the client's contacts but no fiche to open", async ({ page, browser }) => {
    const { id } = agendaFixtures().actionOfCollector2;
    await page.goto(`/relance?collector=all&action=${id}`);
    const dialog = page.getByRole("dialog");
    const clientName = (await dialog.getByRole("region", { name: "Client" }).getByRole("link").first().innerText()).trim();
    await dialog.getByText("Replanifier, réattribuer ou annuler").click();
    await dialog.getByLabel("Réattribuer à").selectOption({ label: "Sophie Durand" });
    await dialog.getByRole("button", { name: "Réattribuer", exact: true }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    const colleague = await browser.newContext({ storageState: storageState("collector") });
    const other = await colleague.newPage();
    await other.goto(`/relance?action=${id}`);
    const handed = other.getByRole("dialog").getByRole("region", { name: "Client" });
    await expect(handed.getByText(clientName, { exact: true })).toBeVisible();
    await expect(handed.getByRole("link", { name: clientName, exact: true })).toHaveCount(0);
    await expect(handed.getByRole("list", { name: "Contacts" }).getByRole("listitem").first()).not.toHaveText("Aucun contact enregistré");
    await other.screenshot({ path: "test-results/screens/agenda-handed-action.png" });
    await other.goto(`/relance?q=${encodeURIComponent(clientName)}`);
    const row = other.getByRole("grid", { name: /^Actions manuelles/ }).getByRole("row").filter({ hasText: clientName }).first();
    await expect(row).toBeVisible();
    await expect(row.getByRole("link", { name: clientName, exact: true })).toHaveCount(0);
    await colleague.close();
  });
});

test.describe("collector, charts", () => {
  test.use({ storageState: storageState("collector") });

  test("sees the agenda as charts, with the filters kept from the other tabs", async ({ page }) => {
    await page.goto("/relance?type=email");
    await page.getByRole("navigation", { name: "Agenda de relance" }).getByRole("link", { name: "Graphiques" }).click();
    await expect(page).toHaveURL(/\/relance\/graphiques\?.*type=email/);
    await expect(page.getByRole("img", { name: /^Actions par jour du/ })).toBeVisible();
    await expect(page.getByText(/^[1-9][\d\u202f]* actions? du .* annulées exclues\.$/)).toBeVisible();
    await expect(page.getByRole("img", { name: "Actions par type" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/agenda-charts.png", fullPage: true });
  });
});
