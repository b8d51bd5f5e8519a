import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import ExcelJS from "exceljs";
import { storageState } from "./helpers";

const demoCollectors = ["Sophie Durand", "Thomas Petit", "Amélie Roux"];

/** "12 345,67 €" → 12345.67 */
const euros = (text: string | null) => Number((text ?? "").replace(/[^\d,-]/g, "").replace(",", "."));

async function bucketAmounts(page: Page) {
  const rows = page.getByTestId("aged-bucket");
  const amounts = await rows.locator("td:nth-child(3)").allTextContents();
  return amounts.map(euros);
}

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("sees the team's performance with a row per collector, and the balance âgée", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("team-card");
    await expect(card.getByText("Performance de l'équipe")).toBeVisible();
    for (const name of demoCollectors) await expect(card.getByTestId("team-row").filter({ hasText: name })).toHaveCount(1);
    await expect(page.getByTestId("aged-bucket").first()).toBeVisible();
    // Every bucket, the open-ended last one included: together they make the encours.
    const encours = euros(await page.locator('[data-kpi="Encours"] [data-kpi-value]').textContent());
    expect((await bucketAmounts(page)).reduce((sum, amount) => sum + amount, 0)).toBeCloseTo(encours, 1);
    await page.screenshot({ path: "test-results/screens/home-team.png", fullPage: true });
  });

  test("exports the balance âgée per client with the card's totals", async ({ page }) => {
    await page.goto("/");
    const amounts = await bucketAmounts(page);
    expect(amounts.length).toBeGreaterThan(2);
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter (xlsx)" }).click();
    const download = await downloadPromise;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("Balance âgée")!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 6)).toEqual(["Société", "Code client", "Raison sociale", "Encours", "Non échu"]);
    // As many bucket columns as the card has rows.
    expect(header.length - 1 - 4).toBe(amounts.length);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(10);
    // Columns: 1 société, 2 code, 3 name, 4 encours, then one per bucket from 5.
    const totals = amounts.map((_, i) => rows.reduce((sum, row) => sum + Number(row[5 + i] ?? 0), 0));
    totals.forEach((total, i) => expect(total).toBeCloseTo(amounts[i], 1));
    expect(typeof rows[0][4]).toBe("number");
    // One row per client: codes are unique within a company.
    const codes = rows.map((row) => `${row[1]} ${row[2]}`);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("does not see the team card, and opens the pièces of a bucket", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Balance âgée" })).toBeVisible();
    await expect(page.getByTestId("team-card")).toHaveCount(0);
    await page.getByTestId("aged-bucket").getByRole("link", { name: "1–30 j" }).click();
    await expect(page).toHaveURL(/\/pieces\?status=open&age=0/);
    await expect(page.getByLabel("Ancienneté du retard")).toHaveValue("0");
    await expect(page.locator("tbody tr").first()).toBeVisible();
  });
});
