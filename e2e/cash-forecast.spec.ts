import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, test } from "./test";
import { isSerious, wcagTags } from "./axe";
import { fixtures, storageState } from "./helpers";

/** "21 456 733,88 €" → 21456733.88 */
const euros = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));
/** The nightly SQL rounds each société × collector × week to the cent; the JavaScript sum is not rounded. */
const ROUNDING = 0.5;

async function cardTotal(card: Locator): Promise<number> {
  return euros((await card.getByTestId("cash-forecast-total").textContent()) ?? "");
}

/** The ids of the serious or critical WCAG 2.1 A/AA violations within `selector`. */
async function accessibilityViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).withTags(wcagTags).analyze();
  return violations.filter(isSerious).map((v) => `${v.id}: ${v.help}`);
}

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("reads the 13-week cash-in forecast on the home, narrows it to a société, and opens its table and export", async ({ page }) => {
    const { expectedForecast } = fixtures();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto("/");
    const card = page.getByTestId("cash-forecast-card");
    await expect(card.getByRole("heading", { name: "Encaissements prévus" })).toBeVisible();
    await expect(card.getByRole("img", { name: /^Encaissements prévus par semaine sur 13 semaines/ })).toBeVisible();
    expect(Math.abs((await cardTotal(card)) - expectedForecast.admin)).toBeLessThan(ROUNDING);
    // The bars over the band of the 80 % interval, one tick per week.
    await expect(card.locator(".recharts-xAxis .recharts-cartesian-axis-tick")).not.toHaveCount(0);
    await expect(card.locator(".recharts-area-area")).toHaveCount(1);
    expect(await accessibilityViolations(page, "[data-testid=cash-forecast-card]")).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: "test-results/screens/cash-forecast-card.png" });

    // The home's société selector narrows the card too.
    await page.getByLabel("Société").selectOption(expectedForecast.dist.entityId);
    await expect(page).toHaveURL(new RegExp(`societe=${expectedForecast.dist.entityId}`));
    await expect.poll(async () => Math.abs((await cardTotal(card)) - expectedForecast.dist.total)).toBeLessThan(ROUNDING);

    await card.getByRole("link", { name: "Détail par semaine" }).click();
    await expect(page).toHaveURL(new RegExp(`/previsions\\?societe=${expectedForecast.dist.entityId}`));
    await expect(page.getByRole("heading", { name: "Encaissements prévus", level: 1 })).toBeVisible();
    const table = page.getByTestId("cash-forecast-table");
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(13);
    await expect(rows.first()).toContainText(/^du \d\d\/\d\d\/\d{4} au \d\d\/\d\d\/\d{4}/);
    // The running total of the last week is the total of the 13 weeks.
    const cumulative = euros((await rows.last().locator("td").last().textContent()) ?? "");
    expect(Math.abs(cumulative - expectedForecast.dist.total)).toBeLessThan(ROUNDING);
    await expect(table.locator("tfoot")).toContainText("Total sur 13 semaines");
    // Each week's interval holds its expected amount.
    for (const row of await rows.all()) {
      const [expected, low, high] = (await row.locator("td").allTextContents()).slice(1, 4).map(euros);
      expect(low).toBeLessThanOrEqual(expected);
      expect(high).toBeGreaterThanOrEqual(expected);
    }
    expect(await accessibilityViolations(page, "main")).toEqual([]);
    await page.screenshot({ path: "test-results/screens/cash-forecast-table.png", fullPage: true });

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter (xlsx)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^encaissements-prevus-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("Encaissements prévus")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["Semaine du", "Au", "Prévu", "Bas (80 %)", "Haut (80 %)", "Cumul"]);
    const lines = sheet.getSheetValues().slice(2) as unknown[][];
    expect(lines).toHaveLength(13);
    const exported = lines.reduce((sum, line) => sum + Number(line[3]), 0);
    expect(Math.abs(exported - expectedForecast.dist.total)).toBeLessThan(ROUNDING + 0.1);
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("sees the forecast of their own portfolio", async ({ page }) => {
    const { expectedForecast } = fixtures();
    await page.goto("/");
    const card = page.getByTestId("cash-forecast-card");
    await expect(card).toBeVisible();
    expect(Math.abs((await cardTotal(card)) - expectedForecast.collector1)).toBeLessThan(ROUNDING);
    expect(expectedForecast.collector1).toBeLessThan(expectedForecast.admin);
  });
});

test.describe("sales rep", () => {
  test.use({ storageState: storageState("sales") });

  test("has no forecast: it is kept by société and collector portfolio", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: /Bonjour/ })).toBeVisible();
    await expect(page.getByTestId("cash-forecast-card")).toHaveCount(0);
    const response = await page.goto("/previsions");
    expect(response?.status()).toBe(404);
  });
});
