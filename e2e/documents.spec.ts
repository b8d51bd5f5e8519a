import { expect, test } from "./test";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { storageState } from "./helpers";

test.use({ storageState: storageState("collector") });

/** The cells of the column headed `name` (columns can be added or moved: found by their header). */
async function column(page: Page, name: string) {
  const headers = (await page.locator("thead th").allTextContents()).map((h) => h.trim());
  const index = headers.findIndex((h) => h.startsWith(name));
  expect(index, `colonne « ${name} »`).toBeGreaterThanOrEqual(0);
  return `td:nth-child(${index + 1})`;
}

test("a collector filters the overdue invoices of the portfolio and exports exactly the rows on screen", async ({ page }) => {
  await page.goto("/pieces");
  // Invoices are what the list shows first.
  await expect(page.getByRole("navigation", { name: "Type de pièce" }).getByRole("link", { name: "Factures" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Échéance", { exact: true }).selectOption("overdue");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/type=invoice/);
  await expect(page).toHaveURL(/due=overdue/);

  const summary = await page.getByText(/pièces? · reste dû/).textContent();
  const total = Number((summary ?? "").split(" pièce")[0].replace(/\D/g, ""));
  expect(total).toBeGreaterThan(50);
  const firstPage = await page.locator("tbody tr td:nth-child(2) > span:first-child").allTextContents();
  expect(firstPage).toHaveLength(50);
  await page.screenshot({ path: "test-results/screens/pieces.png", fullPage: true });

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter (xlsx)" }).click();
  const download = await downloadPromise;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet("Pièces")!;
  const exported = sheet.getSheetValues().slice(2).map((row) => (row as unknown[])[5] as string);
  expect(exported).toHaveLength(total);
  expect(new Set(exported)).toEqual(new Set([...exported, ...firstPage]));
  const types = new Set(sheet.getSheetValues().slice(2).map((row) => (row as unknown[])[4]));
  expect([...types]).toEqual(["Facture"]);
});

test("unapplied cash and credit notes are listed apart and are never late", async ({ page }) => {
  await page.goto("/pieces?due=overdue");
  const tabs = page.getByRole("navigation", { name: "Type de pièce" });
  await tabs.getByRole("link", { name: "Règlements non lettrés" }).click();
  await expect(page).toHaveURL(/type=payment/);
  await expect(page).toHaveURL(/due=overdue/);
  await expect(page.getByText(/pièces? · non affecté/)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Retard" })).toHaveCount(0);
  const types = await page.locator("tbody tr td:first-child > span:nth-child(2)").allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(["Règlement"]));
  await expect(page.locator("tbody")).not.toContainText(/\d j\b/);

  // Every type together: days late on invoices only, « non affecté » on open payments.
  await tabs.getByRole("link", { name: "Tous types" }).click();
  await expect(page).toHaveURL(/type=all/);
  const rows = page.locator("tbody tr");
  const count = await rows.count();
  expect(count).toBe(50);
  const retard = await column(page, "Retard");
  let seen = 0;
  for (let i = 0; i < count; i++) {
    const type = await rows.nth(i).locator("td:nth-child(2) > span:nth-child(2)").textContent();
    const lateness = (await rows.nth(i).locator(retard).textContent()) ?? "";
    if (type === "Facture") expect(lateness).toMatch(/^\d+ j$/);
    else expect(lateness).toBe(type === "Règlement" ? "non affecté" : "—");
    if (type !== "Facture") seen++;
  }
  // Overdue payments and credit notes are the oldest pièces of the demo: the first page holds some.
  expect(seen).toBeGreaterThan(0);
});

test("the first aging bucket stays selected through the URL, the export link and the pages", async ({ page }) => {
  await page.goto("/pieces");
  await page.getByLabel("Ancienneté du retard").selectOption({ label: "1–30 j" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/age=0/);
  await expect(page.getByLabel("Ancienneté du retard")).toHaveValue("0");
  await expect(page.getByRole("link", { name: "Exporter (xlsx)" })).toHaveAttribute("href", /age=0/);
  const lateness = await page.locator(`tbody tr ${await column(page, "Retard")}`).allTextContents();
  expect(lateness.length).toBeGreaterThan(0);
  for (const text of lateness) {
    const days = Number(text.replace(/\D/g, ""));
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(30);
  }
});

test("a collector flags two documents as disputed in one go, with a reason", async ({ page }) => {
  await page.goto("/pieces?type=invoice&disputed=no");
  await page.getByRole("button", { name: "Marquer en litige" }).click();
  await expect(page.getByRole("status")).toHaveText("Sélectionnez au moins une pièce.");

  const boxes = page.getByRole("checkbox", { name: /^Sélectionner / });
  const numbers = [
    (await boxes.nth(0).getAttribute("aria-label"))!.replace("Sélectionner ", ""),
    (await boxes.nth(1).getAttribute("aria-label"))!.replace("Sélectionner ", ""),
  ];
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByLabel("Motif du litige").fill("Marchandise non conforme");
  await page.getByRole("button", { name: "Marquer en litige" }).click();
  await expect(page.getByRole("status")).toHaveText("2 pièces mises en litige.");

  await page.goto("/pieces?type=invoice&disputed=yes");
  for (const number of numbers) await expect(page.getByRole("row", { name: new RegExp(number) })).toContainText("Litige");

  // Listing the disputed documents turns the selection into lifting the dispute: the cases covering the ticked
  // pièces are closed (one case per client, so both pièces whether they share a client or not).
  for (const number of numbers) await page.getByRole("checkbox", { name: `Sélectionner ${number}` }).check();
  await page.getByRole("button", { name: "Lever le litige des pièces cochées" }).click();
  await expect(page.getByRole("status")).toHaveText("Litige levé sur 2 pièces.");
  for (const number of numbers) await expect(page.getByRole("row", { name: new RegExp(number) })).toHaveCount(0);
});
