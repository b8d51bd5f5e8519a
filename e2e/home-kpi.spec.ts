import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { addDays } from "@/lib/dates";
import { formatDate, formatMoney, formatPercent } from "@/lib/format/fr";
import { fixtures, storageState } from "./helpers";

const kpiCard = (page: Page, label: string) => page.locator(`[data-kpi="${label}"]`);
const kpiValue = (page: Page, label: string) => kpiCard(page, label).locator("[data-kpi-value]");

/** "74,8 j" → 74.8 */
const days = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("the home cards show the figures computed in SQL from the documents, and their change over 30 days", async ({ page }) => {
    const { kpiDate, expectedHome } = fixtures();
    const expected = expectedHome.admin;
    await page.goto("/");
    for (const label of ["Encours", "Échu", "Non échu", "DSO", "BPDSO / ADD", "DBT", "CEI", "Taux de recouvrement"]) {
      await expect(kpiCard(page, label)).toBeVisible();
    }
    await expect(kpiValue(page, "Encours")).toHaveText(formatMoney(expected.outstanding));
    await expect(kpiValue(page, "Échu")).toHaveText(formatMoney(expected.overdue));
    await expect(kpiValue(page, "Non échu")).toHaveText(formatMoney(expected.notDue));
    await expect(kpiCard(page, "Échu")).toContainText(`${formatPercent(expected.overdueShare)} de l'encours`);
    // fr-FR days with one decimal at most: "74,8 j", the SQL countback rounded to a tenth.
    const dso = (await kpiValue(page, "DSO").textContent()) ?? "";
    expect(dso).toMatch(/^\d[\d\u202f\u00a0]*(,\d)? j$/);
    expect(Math.abs(days(dso) - expected.dso)).toBeLessThanOrEqual(0.05 + 1e-9);

    // The snapshot of 30 days before exists, so the Encours card shows a signed amount against that day, not "—".
    const since = `vs le ${formatDate(addDays(kpiDate, -30))}`;
    await expect(kpiCard(page, "Encours").locator("p").filter({ hasText: since })).toHaveText(
      new RegExp(`^[+−]?\\d[\\d\\s]*,\\d\\d\\s€\\s*${since.replaceAll("/", "\\/")}`),
    );

    // Every card says how it is computed.
    await page.getByRole("button", { name: "Définition : DSO" }).hover();
    await expect(page.getByRole("tooltip")).toContainText("épuis");
    await page.screenshot({ path: "test-results/screens/home-kpi-admin.png", fullPage: true });

    // Narrowed to one société, the encours is a part of the whole and the choice sits in the URL.
    const select = page.getByLabel("Société");
    const firstEntity = await select.locator("option").nth(1).getAttribute("value");
    await select.selectOption(firstEntity!);
    await expect(page).toHaveURL(new RegExp(`societe=${firstEntity}`));
    await expect(select).toHaveValue(firstEntity!);
    await expect(kpiValue(page, "Encours")).not.toHaveText(formatMoney(expected.outstanding));
    const part = (await kpiValue(page, "Encours").textContent()) ?? "";
    expect(euros(part)).toBeLessThanOrEqual(Number(expected.outstanding));
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("a collector's Encours and Échu cards are the SQL figures of their own clients", async ({ page }) => {
    const expected = fixtures().expectedHome.collector1;
    await page.goto("/");
    await expect(kpiValue(page, "Encours")).toHaveText(formatMoney(expected.outstanding));
    await expect(kpiValue(page, "Échu")).toHaveText(formatMoney(expected.overdue));
    await expect(kpiCard(page, "Échu")).toContainText(`${formatPercent(expected.overdueShare)} de l'encours`);
  });
});

const euros = (text: string) => Number(text.replace(/[^\d,-]/g, "").replace(",", "."));
