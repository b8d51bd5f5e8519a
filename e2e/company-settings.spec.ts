import { expect, test } from "./test";
import { extractText, getDocumentProxy } from "unpdf";
import { sampleLogoPng } from "@/lib/testing/png";
import { storageState } from "./helpers";

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("edits the company identity, is stopped by a wrong IBAN, uploads a logo and finds everything after a reload", async ({ page }) => {
    await page.goto("/parametrage");
    await page.getByRole("link", { name: "Société et courriers" }).click();
    await expect(page).toHaveURL(/\/parametrage\/societe$/);
    await expect(page.getByLabel("Raison sociale")).toHaveValue("Bati-Pro Distribution");
    await expect(page.getByLabel("IBAN")).toHaveValue("FR76 1009 6180 0000 0123 4560 143");
    await expect(page.getByLabel("Signature")).toHaveValue("Claire Martin\nResponsable crédit clients");

    await page.getByLabel("IBAN").fill("FR76 1009 6180 0000 0123 4560 144");
    await page.getByLabel("Téléphone").fill("04 72 60 18 41");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByText("IBAN invalide : vérifiez la clé.")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/settings-company-iban-error.png" });
    await expect(page.getByLabel("IBAN")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("IBAN")).toBeFocused();

    await page.getByLabel("IBAN").fill("fr7610096180000001234560143");
    await page.getByLabel("Taux annuel des pénalités de retard (%)").fill("12,15");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByText("Informations de la société enregistrées.")).toBeVisible();

    await page.getByLabel("Fichier du logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: sampleLogoPng() });
    await expect(page.getByRole("img", { name: "Aperçu du nouveau logo" })).toBeVisible();
    await page.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(page.getByText("Logo enregistré.")).toBeVisible();

    await page.reload();
    await expect(page.getByLabel("IBAN")).toHaveValue("FR76 1009 6180 0000 0123 4560 143");
    await expect(page.getByLabel("Téléphone")).toHaveValue("04 72 60 18 41");
    await expect(page.getByLabel("Taux annuel des pénalités de retard (%)")).toHaveValue("12,15");
    await expect(page.getByRole("img", { name: "Logo de la société" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Retirer le logo" })).toBeVisible();

    const letter = await page.request.get("/parametrage/societe/apercu");
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await letter.body())), { mergePages: true });
    expect(text).toContain("Tél. 04 72 60 18 41");
    expect(text).toContain("Client Exemple SARL");

    // A tall viewport rather than a full-page capture, where the sticky top bar would cover the form.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: "test-results/screens/settings-company.png" });
  });

  test("refuses a file that is not a PNG or JPEG whatever its name, and removes the logo", async ({ page }) => {
    await page.goto("/parametrage/societe");
    const file = page.getByLabel("Fichier du logo");
    await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: sampleLogoPng() });
    await page.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(page.getByText("Logo enregistré.")).toBeVisible();

    await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
    await page.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(page.getByText("Le logo doit être une image PNG ou JPEG de 512 Ko au plus.")).toBeVisible();

    await page.getByRole("button", { name: "Retirer le logo" }).click();
    await expect(page.getByText("Logo retiré.")).toBeVisible();
    await expect(page.getByText("Aucun logo")).toBeVisible();
  });
});

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("does not see the company settings", async ({ page }) => {
    const response = await page.goto("/parametrage/societe");
    expect(response?.status()).toBe(404);
    expect((await page.request.get("/parametrage/societe/apercu")).status()).toBe(403);
  });
});
