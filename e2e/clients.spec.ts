import { expect, test } from "./test";
import ExcelJS from "exceljs";
import { storageState } from "./helpers";

test.use({ storageState: storageState("collector") });

const euros = (text: string | null) => Number((text ?? "").replace(/[^\d,-]/g, "").replace(",", "."));

test("a collector filters and sorts the portfolio, picks columns, and exports exactly the rows on screen", async ({ page }) => {
  await page.goto("/clients");
  // A collector's list is their portfolio: no collector to choose.
  await expect(page.getByLabel("Chargé de recouvrement")).toHaveCount(0);
  await page.getByLabel("Retard").selectOption({ label: "Avec échu" });
  await page.getByLabel("Échu (€) minimum").fill("5 000");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/hasOverdue=yes/);
  // Only the filled-in fields reach the URL, and the links built from it carry the amount as a number.
  expect(page.url()).not.toContain("dept=");
  await expect(page.getByRole("link", { name: "Exporter (xlsx)" })).toHaveAttribute("href", /overdueMin=5000/);

  await page.getByRole("link", { name: "Raison sociale" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole("columnheader", { name: "Raison sociale" })).toHaveAttribute("aria-sort", "ascending");
  const names = await page.locator("tbody tr td:nth-child(2) a").allTextContents();
  expect(names.length).toBeGreaterThan(3);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
  const overdue = await page.locator("tbody tr td.text-right .text-destructive").allTextContents();
  for (const amount of overdue) expect(euros(amount)).toBeGreaterThanOrEqual(5000);

  await page.getByRole("button", { name: "Colonnes" }).click();
  await page.getByRole("checkbox", { name: "SIREN" }).click();
  await expect(page.getByRole("columnheader", { name: "SIREN" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.screenshot({ path: "test-results/screens/clients.png", fullPage: true });

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter (xlsx)" }).click();
  const download = await downloadPromise;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet("Clients")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain("SIREN");
  const exported = sheet.getSheetValues().slice(2).map((row) => (row as unknown[])[2]);
  const count = Number(((await page.getByText(/clients? correspondant aux filtres/).textContent()) ?? "").split(" client")[0].replace(/\D/g, ""));
  expect(exported).toHaveLength(count);
  expect(exported.slice(0, names.length)).toEqual(names);
});

test("an empty result says so in French", async ({ page }) => {
  await page.goto("/clients?q=zzzz-introuvable");
  await expect(page.getByText("Aucun client ne correspond à ces filtres")).toBeVisible();
});

test.describe("administrator on a 1 440 px screen", () => {
  test.use({ storageState: storageState("admin"), viewport: { width: 1440, height: 900 } });

  test("the table fits the screen with the balance âgée in view, and the group filter has no second « Tous »", async ({ page }) => {
    await page.goto("/clients");
    const aged = page.getByRole("columnheader", { name: "Balance âgée" });
    await expect(aged).toBeVisible();
    // Neither the page nor the table scrolls sideways: every column of the default set is on screen.
    const widths = await page.evaluate(() => {
      const table = document.querySelector("main table")!;
      return { page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, table: table.parentElement!.scrollWidth, box: table.parentElement!.clientWidth };
    });
    expect(widths.page, "largeur de la page").toBeLessThanOrEqual(widths.view);
    expect(widths.table, "largeur du tableau").toBeLessThanOrEqual(widths.box);
    const box = (await aged.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
    const bar = (await page.locator("tbody").getByRole("img", { name: /^Balance âgée — / }).first().boundingBox())!;
    expect(bar.x + bar.width).toBeLessThanOrEqual(1440);

    // The no-filter choice of « Groupe » reads « Indifférent »: « Tous » is the collectors' and the sales reps' only.
    const group = page.getByLabel("Groupe", { exact: true });
    await expect(group.locator("option").first()).toHaveText("Indifférent");
    await expect(group.locator("option", { hasText: /^Tous$/ })).toHaveCount(0);
    await expect(page.getByLabel("Chargé de recouvrement").locator("option").first()).toHaveText("Tous");
  });
});
