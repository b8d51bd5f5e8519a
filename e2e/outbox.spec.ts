import { expect, test } from "./test";
import { storageState } from "./helpers";

test.describe("admin", () => {
  test.use({ storageState: storageState("admin") });

  test("runs the nightly run, then reads the e-mails it sent in Messages envoyés", async ({ page }) => {
    await page.goto("/parametrage/traitements");
    await page.getByRole("button", { name: /^Lancer maintenant : Traitement de nuit/ }).click();
    await expect(page.getByRole("status")).toHaveText("Traitement terminé.", { timeout: 120_000 });

    await page.getByRole("navigation", { name: "Sections du paramétrage" }).getByRole("link", { name: "Messages envoyés" }).click();
    await expect(page).toHaveURL(/\/parametrage\/messages$/);
    await expect(page.getByRole("heading", { name: "Lots d'impression" })).toBeVisible();
    const rows = page.getByRole("row").filter({ hasText: "E-mail" });
    await expect(rows.first()).toBeVisible();
    // No provider in the browser suite: the e-mails were only recorded, and say so.
    await expect(page.getByRole("region", { name: "Acheminement des messages" })).toContainText(
      "E-mail : simulé — aucun fournisseur configuré (RESEND_API_KEY)",
    );
    await expect(rows.first()).toContainText("Simulé (non envoyé)");
    await expect(rows.first()).toContainText(/\d{2}\/\d{2}\/\d{4}/);
    await page.screenshot({ path: "test-results/screens/outbox.png", fullPage: true });

    await page.getByRole("link", { name: "SMS", exact: true }).click();
    await expect(page).toHaveURL(/canal=sms/);
    await page.getByRole("link", { name: "E-mail", exact: true }).click();
    await expect(page).toHaveURL(/canal=email/);

    const first = page.getByRole("row").nth(1);
    const subject = (await first.getByRole("link").first().textContent())!.trim();
    await first.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: subject })).toBeVisible();
    await expect(page.getByText("Boîte d'envoi (aucun fournisseur configuré)")).toBeVisible();
    await expect(page.getByText("Simulé (non envoyé)")).toBeVisible();
    const frame = page.frameLocator("iframe[title=\"Contenu de l'e-mail\"]");
    await expect(frame.locator("body")).toContainText(/Reste dû|Échéance/);
    await page.screenshot({ path: "test-results/screens/outbox-message.png", fullPage: true });

    // The fiche client shows the reminder with its subject, and opens the e-mail as it went out.
    await page.getByRole("link", { name: /\(C\d+\)$/ }).click();
    const sent = page.getByRole("link", { name: "Voir l'e-mail (simulé, non envoyé)" }).first();
    await expect(sent).toBeVisible();
    await expect(page.getByText(subject).first()).toBeVisible();
    const response = await page.request.get((await sent.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("<table");
    // The envelope as the customer would see it, above the message.
    expect(html).toContain('aria-label="Enveloppe de l\'e-mail"');
    expect(html).toMatch(/>À<\/th><td[^>]*>[^<]+@/);
    expect(html).toContain(`>Objet</th><td style="padding:2px 0">`);
    await page.goto((await sent.getAttribute("href"))!);
    await page.screenshot({ path: "test-results/screens/email-preview-envelope.png", fullPage: true });
  });
});

test.describe("supervisor", () => {
  test.use({ storageState: storageState("supervisor") });

  test("does not find the outbox", async ({ page }) => {
    const response = await page.goto("/parametrage/messages");
    expect(response?.status()).toBe(404);
  });
});
