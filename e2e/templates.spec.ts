import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { extractText, getDocumentProxy } from "unpdf";
import { fixtures, storageState } from "./helpers";

async function pickClip(page: Page, search: string, name: string) {
  await page.getByRole("button", { name: "Insérer un champ" }).click();
  await page.getByRole("searchbox", { name: "Rechercher un champ" }).fill(search);
  await page.getByRole("button", { name }).click();
}

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("writes an e-mail template with clips, is refused an unknown clip, saves it and previews it for a client", async ({ page }) => {
    const client = fixtures().distClient;
    await page.goto("/relance/modeles");
    await expect(page.getByRole("heading", { name: "Modèles" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/templates-empty.png", fullPage: true });

    await page.getByRole("button", { name: "Nouveau modèle" }).first().click();
    await page.getByRole("menuitem", { name: "E-mail" }).click();
    await expect(page).toHaveURL(/\/relance\/modeles\/nouveau\?canal=email$/);
    await expect(page.getByRole("heading", { name: "Nouveau modèle d'e-mail" })).toBeVisible();

    await page.getByLabel("Nom du modèle").fill("Relance amiable J+5");
    await page.getByLabel("Objet").fill("Factures échues {{client.inconnu}}");
    const body = page.getByRole("textbox", { name: "Texte de l'e-mail" });
    await body.click();
    await page.keyboard.type("Bonjour, nous constatons que ");
    await pickClip(page, "raison", "Client : Raison sociale");
    await expect(body).toBeFocused();
    await page.keyboard.type(" nous doit ");
    await pickClip(page, "encours", "Montants : Encours du client");
    await page.keyboard.type(".");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Gras" }).click();
    await page.keyboard.type("Merci de régulariser.");
    await expect(body).toContainText("Bonjour, nous constatons que {{client.raison_sociale}} nous doit {{totaux.encours}}.");
    await expect(page.getByRole("button", { name: "Gras" })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel("Joindre la liste des pièces en PDF").check();

    await page.getByRole("button", { name: "Enregistrer" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Le modèle contient des champs à corriger." });
    await expect(refusal).toContainText("Champ inconnu : {{client.inconnu}}");
    await expect(refusal).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: "test-results/screens/template-refused.png" });

    const subject = page.getByLabel("Objet");
    await subject.fill("Factures échues – ");
    await pickClip(page, "code", "Client : Code client");
    await expect(subject).toHaveValue("Factures échues – {{client.code}}");
    await page.getByRole("button", { name: "Enregistrer" }).click();

    await expect(page).toHaveURL(/\/relance\/modeles$/);
    const row = page.getByRole("row", { name: /Relance amiable J\+5/ });
    await expect(row).toContainText("E-mail");
    await expect(row).toContainText("Factures échues – {{client.code}}");
    await expect(row).toContainText("Aucun scénario");
    await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4}/);
    await page.screenshot({ path: "test-results/screens/templates.png", fullPage: true });

    await row.getByRole("link", { name: "Relance amiable J+5", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Relance amiable J+5" })).toBeVisible();
    await expect(page.getByLabel("Joindre la liste des pièces en PDF")).toBeChecked();
    await page.getByRole("searchbox", { name: "Client de l'aperçu" }).fill(client.code);
    await page.getByRole("button", { name: new RegExp(client.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click();
    // Choosing the client renders the preview; « Prévisualiser » renders the draft again after an edit.
    const preview = page.getByRole("region", { name: "Aperçu de l'e-mail" });
    await expect(preview).toBeVisible();
    await page.getByRole("textbox", { name: "Texte de l'e-mail" }).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Cordialement.");
    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await expect(preview).toContainText(`Factures échues – ${client.code}`);
    // The envelope as the customer's mail client shows it, the documents list attached.
    for (const label of ["De", "À", "Cc", "Objet", "Pièces jointes"]) await expect(preview.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
    await expect(preview).toContainText(new RegExp(`releve-${client.code}-\\d{4}-\\d{2}-\\d{2}\\.pdf \\(\\d+ Ko\\)`));
    await expect(preview).toContainText("Simulé (non envoyé)");
    const frame = page.frameLocator('iframe[title="Aperçu du message"]');
    await expect(frame.locator("body")).toContainText(`nous constatons que ${client.name} nous doit`);
    await expect(frame.locator("body")).toContainText(/nous doit -?\d{1,3}(?:[\s\u202f]\d{3})*,\d{2}[\s\u00a0]€\./);
    await expect(frame.locator("strong")).toHaveText("Merci de régulariser. Cordialement.");
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screens/template-preview.png" });
  });

  test("counts the characters and SMS of an SMS template as it is typed", async ({ page }) => {
    await page.goto("/relance/modeles/nouveau?canal=sms");
    await expect(page.getByRole("heading", { name: "Nouveau modèle de SMS" })).toBeVisible();
    await expect(page.getByLabel("Objet")).toHaveCount(0);
    const body = page.getByLabel("Texte du SMS");
    await body.fill("Bonjour, votre solde est de ");
    await expect(page.getByText("28 caractères · 1 SMS (GSM-7)")).toBeVisible();
    await page.getByRole("button", { name: "Insérer un champ" }).click();
    await expect(page.getByRole("group", { name: "Chargé de recouvrement" })).toBeVisible();
    // The penalties table is for e-mail and letter only.
    await expect(page.getByRole("button", { name: /Tableau des pénalités/ })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/template-clip-picker.png" });
    await page.keyboard.press("Escape");
    await pickClip(page, "échu", "Montants : Échu du client");
    await expect(body).toHaveValue("Bonjour, votre solde est de {{totaux.echu}}");
    await expect(page.getByText("47 caractères · 1 SMS (GSM-7)")).toBeVisible();
    await body.fill(`${"a".repeat(150)} reçu`);
    await expect(page.getByText("155 caractères · 3 SMS (UCS-2)")).toBeVisible();
    await expect(page.getByText(/passer le message en UCS-2/)).toBeVisible();
    await body.fill("Bonjour, votre solde échu est de {{totaux.echu}}. Merci de régler au plus vite.");
    await page.getByLabel("Nom du modèle").fill("Rappel SMS");
    await page.screenshot({ path: "test-results/screens/template-sms.png", fullPage: true });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/relance\/modeles$/);
    await page.getByRole("navigation", { name: "Filtrer par canal" }).getByRole("link", { name: /SMS/ }).click();
    await expect(page).toHaveURL(/canal=sms$/);
    await expect(page.getByRole("row", { name: /Rappel SMS/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /Relance amiable/ })).toHaveCount(0);

    await page.getByRole("button", { name: "Supprimer « Rappel SMS »" }).click();
    const dialog = page.getByRole("dialog", { name: "Supprimer le modèle « Rappel SMS » ?" });
    await page.screenshot({ path: "test-results/screens/template-delete.png" });
    await dialog.getByRole("button", { name: "Supprimer" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row", { name: /Rappel SMS/ })).toHaveCount(0);
  });
});

test.describe("supervisor, letters", () => {
  test.use({ storageState: storageState("supervisor") });

  test("writes a letter with the documents table and offers its PDF for the chosen client", async ({ page }) => {
    const client = fixtures().clientOfCollector1;
    await page.goto("/relance/modeles/nouveau?canal=letter");
    await expect(page.getByRole("heading", { name: "Nouveau modèle de courrier" })).toBeVisible();
    await expect(page.getByLabel("Joindre la liste des pièces en PDF")).toHaveCount(0);
    await page.getByLabel("Nom du modèle").fill("Relevé de compte (courrier)");
    await page.getByLabel("Objet").fill("Relance de factures impayées");
    await page.getByRole("textbox", { name: "Texte du courrier" }).click();
    await page.getByRole("button", { name: "Titre" }).click();
    await page.keyboard.type("Relevé de compte");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Madame, Monsieur, voici les pièces restant dues :");
    await page.keyboard.press("Enter");
    await pickClip(page, "tableau des pièces", "Pièces : Tableau des pièces");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/relance\/modeles$/);

    await page.getByRole("link", { name: "Relevé de compte (courrier)", exact: true }).click();
    await page.getByRole("searchbox", { name: "Client de l'aperçu" }).fill(client.code);
    await page.getByRole("button", { name: new RegExp(client.code) }).first().click();
    const frame = page.frameLocator('iframe[title="Aperçu du message"]');
    await expect(frame.locator("h2")).toHaveText("Relevé de compte");
    await expect(frame.locator("table th").first()).toHaveText("Numéro");
    const pdf = page.getByRole("link", { name: "Voir le PDF" });
    await expect(pdf).toHaveAttribute("href", new RegExp(`^/relance/modeles/[0-9a-f-]{36}/lettre\\?client=${client.id}$`));
    await expect(pdf).toHaveAttribute("target", "_blank");
    // The PDF is the letter itself, for that client, on the company letterhead.
    const response = await page.request.get((await pdf.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
    const letter = text.replace(/\s+/g, " ");
    for (const expected of [client.name, `Réf. client : ${client.code}`, "Objet : Relance de factures impayées", "Relevé de compte", "Bati-Pro Distribution"]) {
      expect(letter).toContain(expected);
    }
    const download = await page.request.get(`${(await pdf.getAttribute("href"))!}&telecharger=1`);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.pdf"$/);
    await page.getByRole("region", { name: "Aperçu du courrier" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screens/template-letter-preview.png" });
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("is refused the templates page", async ({ page }) => {
    const response = await page.goto("/relance/modeles");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Page introuvable")).toBeVisible();
  });
});
