import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";

/** Codes and ids of the clients a call with `token` sees for the search `q`. */
async function clientsFound(request: APIRequestContext, token: string, q: string) {
  const response = await request.get(`/api/v1/clients?q=${encodeURIComponent(q)}&limit=500`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status(), ids: response.ok() ? ((await response.json()) as { data: { id: string }[] }).data.map((c) => c.id) : [] };
}

test.describe("a collector's own API key", () => {
  test.use({ storageState: storageState("collector") });

  test("is created in the account menu, shown once, reads only the collector's clients, and stops working once revoked", async ({ page, request }) => {
    const { clientOfCollector1: mine, clientOfCollector2: theirs } = fixtures();
    await page.goto("/");
    await page.getByRole("button", { name: /Chargé de recouvrement/ }).click();
    await page.getByRole("menuitem", { name: "Clés d'API" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clés d'API" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Documentation de l'API" })).toHaveAttribute("href", "/api/docs");

    await page.getByRole("button", { name: "Nouvelle clé" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle clé d'API" });
    await dialog.getByLabel("Nom de la clé").fill("Tableur du service");
    await dialog.getByRole("button", { name: "Créer la clé" }).click();

    const created = page.getByRole("dialog", { name: "Clé créée" });
    await expect(created.getByText("Copiez cette clé maintenant")).toBeVisible();
    await expect(created.getByText(/ne sera plus jamais affichée/)).toBeVisible();
    const token = await created.getByLabel("Clé « Tableur du service »").inputValue();
    expect(token).toMatch(/^enc_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}$/);
    await created.getByRole("button", { name: "J'ai copié la clé" }).click();
    await expect(created).toBeHidden();

    // The token is nowhere on the page any more: only its prefix is listed.
    const prefix = token.split("_").slice(0, 2).join("_");
    const row = page.getByRole("row", { name: /Tableur du service/ });
    await expect(row).toContainText(`${prefix}…`);
    await expect(row).toContainText("Lecture et écriture");
    await expect(row).toContainText("jamais");
    await expect(row).toContainText("Active");
    expect(await page.content()).not.toContain(token);

    // The key acts as the collector: their client is found, a colleague's is neither listed nor readable.
    const own = await clientsFound(request, token, mine.code);
    expect(own.status).toBe(200);
    expect(own.ids).toContain(mine.id);
    const other = await clientsFound(request, token, theirs.code);
    expect(other.status).toBe(200);
    expect(other.ids).not.toContain(theirs.id);
    const read = await request.get(`/api/v1/clients/${theirs.id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(read.status()).toBe(404);

    await page.reload();
    await expect(row).toContainText("à l'instant");
    await row.getByRole("button", { name: "Révoquer la clé Tableur du service" }).click();
    const confirm = page.getByRole("dialog", { name: "Révoquer la clé « Tableur du service » ?" });
    await confirm.getByRole("button", { name: "Révoquer la clé" }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toContainText("Révoquée");
    await expect(row.getByRole("button", { name: /Révoquer/ })).toHaveCount(0);

    const after = await request.get(`/api/v1/clients?q=${encodeURIComponent(mine.code)}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    expect(after.headers()["content-type"]).toContain("application/problem+json");
  });
});

test.describe("administrator", () => {
  test.use({ storageState: storageState("admin") });

  test("sees every key with its owner in Paramétrage, and creates one for a colleague", async ({ page }) => {
    await page.goto("/parametrage/cles-api");
    await expect(page.getByRole("navigation", { name: "Sections du paramétrage" }).getByRole("link", { name: "Clés d'API" })).toHaveAttribute("aria-current", "page");
    await page.getByRole("button", { name: "Nouvelle clé" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle clé d'API" });
    const owner = dialog.getByLabel("Titulaire");
    await owner.selectOption((await owner.locator("option", { hasText: "(Superviseur)" }).first().getAttribute("value"))!);
    await dialog.getByLabel("Nom de la clé").fill("Entrepôt de données");
    await dialog.getByText("Lecture seule").click();
    await dialog.getByRole("button", { name: "Créer la clé" }).click();
    const created = page.getByRole("dialog", { name: "Clé créée" });
    await expect(created.getByLabel("Clé « Entrepôt de données »")).toHaveValue(/^enc_/);
    await page.keyboard.press("Escape");
    const row = page.getByRole("row", { name: /Entrepôt de données/ });
    await expect(row).toContainText("Superviseur");
    await expect(row).toContainText("Lecture seule");
    await expect(row).toContainText("Active");
  });
});

test("the API documentation is public, served by the app, and lists the operations", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: undefined });
  const page = await context.newPage();
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url());
  });
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const response = await page.goto("/api/docs");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "API Encaisse" }).first()).toBeVisible();
  await expect(page.getByText("Lister les clients").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(outside, "requêtes hors de l'application").toEqual([]);
  expect(cspErrors).toEqual([]);
  await context.close();
});
