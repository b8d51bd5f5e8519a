/** The steps every import browser test takes through the wizard. */
import type { Page } from "@playwright/test";
import { expect } from "./test";

/** Opens the wizard, picks the kind (and the mode when given), uploads the file and waits for nothing more. */
export async function analyzeUpload(page: Page, kind: RegExp, file: string, mode?: "snapshot" | "incremental") {
  await page.goto("/import");
  await page.getByRole("radio", { name: kind }).check();
  if (mode) await page.getByLabel("Mode").selectOption(mode);
  await page.getByLabel("Fichier à importer").setInputFiles(file);
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
}

/** Starts the import, then waits for its page to show how it ended: it runs in the background, polled. */
export async function importAndWait(page: Page) {
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
  // The page's own result, not the bell's announcement of the same import.
  const result = page.getByRole("main").getByRole("status").filter({ hasText: /Import terminé|Fichier refusé/ });
  await expect(result).toBeVisible({ timeout: 30_000 });
  return result;
}
