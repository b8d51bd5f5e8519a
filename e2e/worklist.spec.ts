import type { Page } from "@playwright/test";
import { storageState } from "./helpers";
import { expect, test } from "./test";

const grid = (page: Page) => page.getByRole("grid", { name: /^Actions manuelles/ });
const frenchNumber = (text: string) => Number(text.replace(/[\s\u202f\u00a0]/g, "").replace(",", "."));
const focusedRole = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("role") ?? document.activeElement?.tagName.toLowerCase());

/** Presses Tab until the focus lands where `reached` says, as a keyboard user would. */
async function tabUntil(page: Page, reached: () => Promise<boolean>, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await reached()) return;
  }
  throw new Error("La tabulation n'atteint pas l'élément attendu.");
}

const clientOf = async (page: Page, index: number) => (await grid(page).locator("tbody tr").nth(index).locator("td").nth(2).locator("a, span").first().innerText()).trim();

test.describe("collector, keyboard only", () => {
  test.use({ storageState: storageState("collector"), viewport: { width: 1440, height: 900 } });

  test("works three actions with the arrows, Enter and the outcome form, each save opening the next", async ({ page }) => {
    await page.goto("/relance");
    const rows = grid(page).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    // By priority: the due actions' priorities never increase down the list.
    const tones = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-tone")));
    const due = tones.filter((t) => t === "due").length;
    const priorities = (await rows.locator("td:first-child > span:first-child").allInnerTexts()).slice(0, due).map(frenchNumber);
    expect(priorities.length).toBeGreaterThan(3);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    await expect(grid(page).getByRole("columnheader", { name: "Priorité" })).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first().locator('a[href^="tel:"]').first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/worklist.png", fullPage: true });
    // The priority's parts, on hover (again until the page has hydrated).
    await expect(async () => {
      await page.mouse.move(0, 0);
      await rows.first().locator("td:first-child > span:first-child").hover();
      await expect(page.getByRole("tooltip")).toContainText("Montant en jeu", { timeout: 2_000 });
      await expect(page.getByRole("tooltip")).toContainText(/Risque : [\d\s\u202f]+,\d{2}\s€ × 1 pt par tranche de 1 000 € de retard attendu/, { timeout: 2_000 });
    }).toPass();
    await page.screenshot({ path: "test-results/screens/worklist-priority-tooltip.png" });
    await page.mouse.move(0, 0);

    const names = [await clientOf(page, 0), await clientOf(page, 1), await clientOf(page, 2), await clientOf(page, 3)];
    const total = page.getByRole("navigation", { name: "Agenda de relance" }).getByRole("link", { name: /^Actions manuelles/ }).locator('[data-counter="total"]');
    const totalBefore = frenchNumber((await total.innerText()).replace(/^\D+/, ""));

    await tabUntil(page, async () => (await focusedRole(page)) === "tr");
    await expect(rows.nth(0)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(1)).toBeFocused();
    await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowUp");
    await expect(rows.nth(0)).toBeFocused();
    await page.keyboard.press("Enter");

    for (const [i, name] of names.slice(0, 3).entries()) {
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("heading")).toContainText(name);
      await tabUntil(page, () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === "outcome"));
      await page.keyboard.press("Space");
      await expect(dialog.getByLabel("Joint", { exact: true })).toBeChecked();
      await tabUntil(page, () => page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name === "note"));
      await page.keyboard.type(`Appel clavier ${i + 1}`);
      if (i === 0) await page.screenshot({ path: "test-results/screens/worklist-outcome.png" });
      await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.textContent)) === "Enregistrer le résultat");
      await page.keyboard.press("Enter");
      // The next action opens by itself.
      await expect(page.getByRole("dialog").getByRole("heading")).toContainText(names[i + 1]);
    }
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    // Back on the list, the focus is on the row that was open.
    await expect(grid(page).locator("tbody tr:focus")).toContainText(names[3]);
    await page.screenshot({ path: "test-results/screens/worklist-after.png" });

    await expect.poll(async () => frenchNumber((await total.innerText()).replace(/^\D+/, ""))).toBe(totalBefore - 3);
    for (const name of names.slice(0, 3)) await expect(grid(page).locator("tbody tr").filter({ hasText: name }).filter({ hasText: "Appel clavier" })).toHaveCount(0);
  });
});

test.describe("supervisor, the queue", () => {
  test.use({ storageState: storageState("supervisor"), viewport: { width: 1440, height: 900 } });

  test("sees the priority weights in the configuration", async ({ page }) => {
    await page.goto("/relance/priorite");
    await expect(page.getByLabel("Montant en jeu (points)")).toHaveValue("1");
    await expect(page.getByLabel("Retard (points)")).toHaveValue("1");
    await expect(page.getByLabel("Promesses non tenues (points)")).toHaveValue("10");
    await expect(page.getByLabel("Risque (points)")).toHaveValue("1");
    await page.screenshot({ path: "test-results/screens/priority-settings.png", fullPage: true });
  });

  test("saves new weights, and the worklist is ordered by them", async ({ page }) => {
    type Weights = { amount: string; daysLate: string; brokenPromises: string; risk: string };
    const labels: Record<keyof Weights, string> = {
      amount: "Montant en jeu (points)",
      daysLate: "Retard (points)",
      brokenPromises: "Promesses non tenues (points)",
      risk: "Risque (points)",
    };
    const save = async (weights: Weights) => {
      await page.goto("/relance/priorite");
      await page.waitForLoadState("networkidle");
      for (const [key, label] of Object.entries(labels)) await page.getByLabel(label).fill(weights[key as keyof Weights]);
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Pondération enregistrée" })).toHaveText("Pondération enregistrée : l'agenda est trié selon ces poids.");
    };
    // The actions due today or late, in the order of the list: their id, priority and amount at stake.
    const due = async () => {
      await page.goto("/relance?collector=all");
      const rows = grid(page).locator('tbody tr[data-tone="due"]');
      await expect(rows.first()).toBeVisible();
      const read = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          id: new URL(tr.querySelector<HTMLAnchorElement>('a[href*="action="]')!.href).searchParams.get("action"),
          priority: tr.querySelector("td:first-child > span:first-child")!.textContent ?? "",
          amount: tr.querySelector("td:nth-child(5) p")!.textContent ?? "",
        })),
      );
      return read.map((r) => ({ id: r.id, priority: frenchNumber(r.priority), amount: frenchNumber(r.amount.replace("€", "")) }));
    };
    const decreasing = (values: number[]) => expect(values).toEqual([...values].sort((a, b) => b - a));

    // The amount at stake alone: 1 point per 1 000 €, so the largest sums come first.
    await save({ amount: "1", daysLate: "0", brokenPromises: "0", risk: "0" });
    const byAmount = await due();
    expect(byAmount.length).toBeGreaterThan(3);
    for (const row of byAmount) expect(Math.abs(row.priority - row.amount / 1000)).toBeLessThanOrEqual(0.05 + 1e-9);
    decreasing(byAmount.map((r) => r.priority));

    // Lateness alone: 1 point per day; the same actions come in another order.
    await save({ amount: "0", daysLate: "1", brokenPromises: "0", risk: "0" });
    const byLateness = await due();
    for (const row of byLateness) expect(Number.isInteger(row.priority)).toBe(true);
    decreasing(byLateness.map((r) => r.priority));
    expect(byLateness.map((r) => r.id)).not.toEqual(byAmount.map((r) => r.id));

    // Back to the defaults, as the other tests expect them.
    await save({ amount: "1", daysLate: "1", brokenPromises: "10", risk: "1" });
    await page.goto("/relance/priorite");
    await expect(page.getByLabel("Promesses non tenues (points)")).toHaveValue("10");
  });

  test("filters « à confirmer » and confirms exactly those", async ({ page }) => {
    await page.goto("/relance/automatiques?collector=all");
    const chips = page.getByRole("group", { name: "Filtrer par état" });
    const chip = (name: string) => chips.getByRole("button", { name: new RegExp(`^${name}`) });
    const countOf = async (name: string) => frenchNumber((await chip(name).innerText()).replace(/^\D+/, ""));
    await expect(chip("À confirmer")).toHaveAttribute("aria-pressed", "false");
    const toConfirm = await countOf("À confirmer");
    const toConfirmText = (await chip("À confirmer").locator("span").last().innerText()).trim();
    const confirmed = await countOf("Confirmée");
    expect(toConfirm).toBeGreaterThan(0);
    await page.screenshot({ path: "test-results/screens/automatic-states.png", fullPage: true });

    await chip("À confirmer").click();
    await expect(page).toHaveURL(/etat=a_confirmer/);
    await expect(chip("À confirmer")).toHaveAttribute("aria-pressed", "true");
    const table = page.getByRole("table", { name: "Relances automatiques" });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    // Only actions to confirm are listed.
    await expect(table.locator('tbody tr[data-tone="confirmed"], tbody tr[data-tone="error"]')).toHaveCount(0);

    await page.getByLabel("Sélectionner toute la page").click();
    const all = page.getByRole("button", { name: /^Sélectionner tout ce qui correspond aux filtres/ });
    if (await all.count()) await all.click();
    await expect(page.getByRole("region", { name: "Actions sur la sélection" })).toContainText(`${toConfirmText} action`);
    await page.getByRole("button", { name: "Confirmer", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(new RegExp(`^${toConfirmText}\\s+actions? confirmées?\\. Celles du jour partent maintenant\\.$`));
    await expect(chip("À confirmer")).toContainText(/0$/);
    // The confirmed ones now count as confirmées, unless those already due went out meanwhile.
    expect(await countOf("Confirmée")).toBeLessThanOrEqual(confirmed + toConfirm);
    await page.screenshot({ path: "test-results/screens/automatic-confirmed.png", fullPage: true });
  });
});
