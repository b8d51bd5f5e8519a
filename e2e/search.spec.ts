import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";

test.use({ storageState: storageState("collector") });

test("quick search finds a client of the scope by SIREN, opens it, and never shows another portfolio", async ({ page }) => {
  const { clientOfCollector1, clientOfCollector2 } = fixtures();
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Rechercher un client" });

  // SIRENs are unique, unlike client codes, which repeat across sociétés.
  await search.fill(clientOfCollector1.siren);
  const options = page.getByRole("listbox", { name: "Clients trouvés" }).getByRole("option");
  await expect(options.first()).toContainText(clientOfCollector1.name);
  await search.press("ArrowDown");
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/clients/${clientOfCollector1.id}`));

  await search.fill(clientOfCollector2.siren);
  await expect(page.getByRole("listbox", { name: "Clients trouvés" })).toContainText("Aucun client trouvé.");
});

test("a broad search shows five suggestions then « Voir plus » opens the filtered list", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Rechercher un client" });
  await search.fill("SA");
  const listbox = page.getByRole("listbox", { name: "Clients trouvés" });
  await expect(listbox.getByRole("option", { name: /Voir plus/ })).toBeVisible();
  await expect(listbox.getByRole("option")).toHaveCount(6);
  await page.screenshot({ path: "test-results/screens/quick-search.png" });
  await listbox.getByRole("option", { name: /Voir plus/ }).click();
  await expect(page).toHaveURL(/\/clients\?q=SA/);
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();
  await expect(page.getByLabel("Recherche", { exact: true })).toHaveValue("SA");
  await expect(page.getByText(/clients correspondant aux filtres/)).toBeVisible();
});

test("search forgives accents, case and a typo: « lefevre » finds Lefèvre, « dupnt » finds Dupont", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Rechercher un client" });
  const listbox = page.getByRole("listbox", { name: "Clients trouvés" });

  await search.fill("lefevre");
  await expect(listbox.getByRole("option").filter({ hasText: "Lefèvre" }).first()).toBeVisible();
  await search.fill("DUPNT");
  await expect(listbox.getByRole("option").filter({ hasText: "Dupont" }).first()).toBeVisible();

  // The full list answers the same search.
  await page.goto("/clients?q=lefevre");
  await expect(page.getByRole("link", { name: /Lefèvre/ }).first()).toBeVisible();
  await expect(page.getByText(/clients? correspondant aux filtres/)).toBeVisible();
});
