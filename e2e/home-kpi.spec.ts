import { expect, type Page, test } from "@playwright/test";
import { storageState } from "./helpers";

test.use({ storageState: storageState("admin") });

const kpiValue = (page: Page, label: string) => page.locator(`[data-kpi="${label}"] [data-kpi-value]`);

/** The footer total of a column of the clients list (the footer's first cell spans two columns). */
async function listTotal(page: Page, header: string): Promise<string> {
  const headers = (await page.locator("thead th").allTextContents()).map((text) => text.trim());
  const index = headers.findIndex((text) => text.startsWith(header));
  expect(index).toBeGreaterThan(1);
  return (await page.locator("tfoot td").nth(index - 1).textContent())?.trim() ?? "";
}

test("the home indicators agree with the clients list and show a DSO in days", async ({ page }) => {
  await page.goto("/clients");
  const outstanding = await listTotal(page, "Encours");
  const overdue = await listTotal(page, "Échu");
  expect(outstanding).toMatch(/€$/);

  await page.goto("/");
  for (const label of ["Encours", "Échu", "DSO", "BPDSO / ADD", "DBT", "CEI", "Taux de recouvrement"]) {
    await expect(page.locator(`[data-kpi="${label}"]`)).toBeVisible();
  }
  await expect(kpiValue(page, "Encours")).toHaveText(outstanding);
  await expect(kpiValue(page, "Échu")).toHaveText(overdue);
  // fr-FR days: "46,3 j" — a positive number with a decimal comma at most.
  const dso = (await kpiValue(page, "DSO").textContent()) ?? "";
  expect(dso).toMatch(/^\d[\d\u202f\u00a0]*(,\d)? j$/);
  expect(Number(dso.replace(/[^\d,]/g, "").replace(",", "."))).toBeGreaterThan(0);
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
  const part = (await kpiValue(page, "Encours").textContent()) ?? "";
  expect(euros(part)).toBeLessThanOrEqual(euros(outstanding));
});

const euros = (text: string) => Number(text.replace(/[^\d,-]/g, "").replace(",", "."));
