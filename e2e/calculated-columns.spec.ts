import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { storageState } from "./helpers";
import { expect, test } from "./test";

const columnName = "Taux d'échu 90 j";
/** « 66,7 % » → 0.667; « — » (no encours) → null. */
const ratio = (text: string) => (text.trim() === "—" ? null : Number(text.replace(/[\s\u00a0\u202f%]/g, "").replace(",", ".")) / 100);

async function columnValues(page: Page): Promise<(number | null)[]> {
  const at = await page.getByRole("columnheader").evaluateAll((heads, name) => heads.findIndex((h) => h.textContent?.trim().startsWith(name) && !h.textContent.includes("glissants")), columnName);
  expect(at).toBeGreaterThan(0);
  return (await page.locator(`tbody tr td:nth-child(${at + 1})`).allTextContents()).map(ratio);
}

/** Numbers first, largest first, blanks last. */
function expectDescending(values: (number | null)[]) {
  const numbers = values.filter((v): v is number => v !== null);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  expect(values.slice(numbers.length).every((v) => v === null)).toBe(true);
}

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("creates « Taux d'échu 90 j », shows, sorts, filters and exports it in Clients, and builds a group on it", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/parametrage/colonnes");
    await page.getByRole("link", { name: "Nouvelle colonne" }).click();
    await page.getByRole("textbox", { name: "Nom", exact: true }).fill(columnName);
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Pourcentage" });
    await page.getByRole("textbox", { name: "Formule", exact: true }).fill("SOMME(pièces.ouvert; échue; 90 j) / encours");
    await expect(page.getByRole("table", { name: "Aperçu de la colonne" }).getByRole("row")).toHaveCount(11);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/parametrage\/colonnes$/);
    await expect(page.getByRole("table", { name: "Colonnes calculées" }).getByRole("row", { name: new RegExp(`^${columnName} Pourcentage`) })).toBeVisible();

    // Shown as a column of the clients list, under its own heading in the chooser.
    await page.goto("/clients");
    await page.getByRole("button", { name: "Colonnes" }).click();
    const calculated = page.getByRole("group", { name: "Colonnes calculées" });
    await calculated.getByRole("checkbox", { name: columnName, exact: true }).click();
    await expect(page.getByRole("columnheader", { name: columnName, exact: true })).toBeVisible();
    await page.keyboard.press("Escape");

    // Sorted on it: largest first, blanks last.
    await page.getByRole("columnheader", { name: columnName, exact: true }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=calc%3A[0-9a-f-]{36}&order=desc|sort=calc:[0-9a-f-]{36}&order=desc/);
    const sorted = await columnValues(page);
    expectDescending(sorted);
    const top = sorted[0];
    expect(top).not.toBeNull();

    // Filtered on it, the percentage typed as such.
    const threshold = Math.floor((top! * 100) / 2);
    await page.getByLabel(`${columnName} (%) minimum`).fill(String(threshold));
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(new RegExp(`calcMin\\.[0-9a-f-]{36}=${threshold}`));
    const filtered = await columnValues(page);
    expect(filtered.length).toBeGreaterThan(0);
    for (const v of filtered) expect(v! * 100).toBeGreaterThanOrEqual(threshold - 0.05);
    expectDescending(filtered);
    await page.screenshot({ path: "test-results/screens/clients-calculated-column.png" });

    // Exported as shown: the column holds numbers (ratios), filtered and sorted alike.
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter (xlsx)" }).click();
    const sheet = (await new ExcelJS.Workbook().xlsx.readFile(await (await downloadPromise).path())).getWorksheet("Clients")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const at = header.indexOf(columnName) + 1;
    expect(at).toBeGreaterThan(0);
    const exported = sheet.getSheetValues().slice(2).map((row) => (row as unknown[])[at] as number);
    expect(exported.length).toBeGreaterThanOrEqual(filtered.length);
    for (const v of exported) {
      expect(typeof v).toBe("number");
      expect(v * 100).toBeGreaterThanOrEqual(threshold);
    }
    expect(exported).toEqual([...exported].sort((a, b) => b - a));

    // A group on it, summarised by the column's name.
    await page.goto("/relance/groupes/nouveau");
    await page.getByLabel("Nom du groupe").fill("Taux d'échu élevé");
    await page.getByRole("button", { name: "Ajouter un critère" }).click();
    await page.getByLabel("Champ du critère 1").selectOption({ label: columnName });
    await expect(page.getByLabel("Opérateur du critère 1")).toHaveValue("gte");
    await page.getByLabel("Valeur du critère 1").fill(String(threshold));
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/relance\/groupes$/);
    await expect(page.getByRole("row", { name: /Taux d'échu élevé/ })).toContainText(`${columnName} ≥ ${threshold} %`);
    await page.screenshot({ path: "test-results/screens/group-on-calculated-column.png", fullPage: true });

    // A column used by the group cannot be deleted; once the group is gone it can, and the demo is as it was.
    await page.goto("/parametrage/colonnes");
    await page.getByRole("button", { name: `Supprimer « ${columnName} »` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByRole("dialog").getByRole("alert")).toContainText("« Taux d'échu élevé »");
    await page.keyboard.press("Escape");
    await page.goto("/relance/groupes");
    await page.getByRole("button", { name: "Supprimer « Taux d'échu élevé »" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByRole("row", { name: /Taux d'échu élevé/ })).toHaveCount(0);
    await page.goto("/parametrage/colonnes");
    await page.getByRole("button", { name: `Supprimer « ${columnName} »` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByRole("table", { name: "Colonnes calculées" }).getByRole("row", { name: new RegExp(`^${columnName} Pourcentage`) })).toHaveCount(0);
  });
});
