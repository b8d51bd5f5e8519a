import { expect, test } from "./test";
import { storageState } from "./helpers";

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("sees the 12-month trend and the map of départements with their amounts", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto("/");
    const trend = page.getByRole("img", { name: "Évolution de l'encours et de l'échu sur 12 mois" });
    await expect(trend).toBeVisible();
    // A dot per recorded day and series: the 12 month ends and the latest snapshot, for encours then échu.
    const series = trend.locator(".recharts-area-dots");
    await expect(series).toHaveCount(2);
    for (const dots of await series.all()) await expect(dots.locator(".recharts-area-dot")).toHaveCount(13);

    const map = page.getByRole("group", { name: "Carte des départements : chiffre d'affaires" });
    await expect(map).toBeVisible();
    const table = page.getByRole("table", { name: "Départements par chiffre d'affaires" });
    await expect(table.getByRole("row").nth(1)).toContainText(/\d[\d\u202f]*,\d\d\u00a0€/);
    await expect(table).toContainText("Paris");

    await page.getByRole("button", { name: "Échu", exact: true }).click();
    await expect(page.getByRole("group", { name: "Carte des départements : échu" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Départements par échu" }).getByRole("row").nth(1)).toContainText(/\d[\d\u202f]*,\d\d\u00a0€/);

    // Keyboard: the first département with a value takes focus and shows its name and amount.
    await page.getByRole("group", { name: "Carte des départements : échu" }).locator("path[tabindex='0']").first().focus();
    await expect(page.getByText(/\(\d[\dAB]\) : /).first()).toBeVisible();

    await page.getByRole("region", { name: "Tendance et géographie" }).screenshot({ path: "test-results/home-charts.png" });
  });
});
