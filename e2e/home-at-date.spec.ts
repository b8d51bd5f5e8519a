import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import ExcelJS from "exceljs";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { storageState } from "./helpers";

const kpiValue = (page: Page, label: string) => page.locator(`[data-kpi="${label}"]`).locator("[data-kpi-value]");

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("reads the indicators at a past month end, equal to the trend table's row for that day", async ({ page }) => {
    await page.goto("/");
    const table = page.getByRole("table", { name: "Indicateurs à chaque fin de mois" });
    const rows = table.locator("tbody tr");
    // The last row is the latest snapshot; the one three before it a month end.
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(4);
    const row = rows.nth(count - 4);
    const date = (await row.getAttribute("data-trend-date"))!;
    const cells = (await row.locator("td").allTextContents()).map((text) => text.trim());
    expect(cells[0]).toBe(formatDate(date));
    const [, outstanding, overdue, dso, bpdso, dbt, cei] = cells;

    // Chosen from the keyboard: the date field, then Enter.
    const field = page.getByLabel("Au", { exact: true });
    await field.fill(date);
    await field.press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]au=${date}`));
    await expect(page.getByText(`Indicateurs au ${formatDate(date)}, sur votre périmètre.`)).toBeVisible();

    await expect(kpiValue(page, "Encours")).toHaveText(outstanding);
    await expect(kpiValue(page, "Échu")).toHaveText(overdue);
    await expect(kpiValue(page, "DSO")).toHaveText(dso);
    await expect(kpiValue(page, "BPDSO / ADD")).toHaveText(new RegExp(`^${bpdso.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} / `));
    await expect(kpiValue(page, "DBT")).toHaveText(dbt);
    await expect(kpiValue(page, "CEI")).toHaveText(cei);
    // A past day shows its indicators, not today's agenda, nor links to today's pièces.
    await expect(page.getByTestId("aged-balance-card")).toContainText(`au ${formatDate(date)}`);
    await expect(page.getByTestId("aged-balance-card").getByRole("link")).toHaveCount(0);
    await expect(page.getByText("Plus gros retards")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/home-at-date.png", fullPage: true });

    await page.getByRole("link", { name: "Aujourd'hui" }).click();
    await expect(page).not.toHaveURL(/au=/);
    await expect(page.getByText("Plus gros retards")).toBeVisible();
  });

  test("exports the trend table as a spreadsheet with the same days and figures", async ({ page }) => {
    await page.goto("/");
    const rows = page.getByRole("table", { name: "Indicateurs à chaque fin de mois" }).locator("tbody tr");
    const dates = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-trend-date")));
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter la tendance (xlsx)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tendance-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("Tendance")!;
    const exported: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) exported.push((row.getCell(1).value as Date).toISOString().slice(0, 10));
    });
    expect(exported).toEqual(dates);
    // The last row's encours, as the table shows it.
    const lastEncours = (await rows.last().locator("td").nth(1).textContent())!;
    expect(formatMoney(String(sheet.getRow(dates.length + 1).getCell(2).value))).toBe(lastEncours.trim());
  });
});
