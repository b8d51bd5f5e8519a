import type { Page } from "@playwright/test";
import { type Account, fixtures, storageState } from "./helpers";
import { expect, test } from "./test";

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Nothing wider than the screen: a page that scrolls sideways on a phone hides part of itself. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main h1").first()).toBeVisible();
  // A phone widens its layout viewport to fit wide content, so innerWidth alone would hide the overflow.
  const overflow = await page.evaluate(() => Math.max(document.scrollingElement!.scrollWidth, window.innerWidth) - 390);
  expect(overflow, `${path} déborde de ${overflow} px`).toBeLessThanOrEqual(0);
}

// A sales rep has no agenda (relance.work): their list stops at the pièces.
const pages: { account: Account; fiche: () => string; more: Record<string, string> }[] = [
  { account: "collector", fiche: () => `/clients/${fixtures().clientForFiche.id}`, more: { relance: "/relance" } },
  { account: "sales", fiche: () => `/clients/${fixtures().clientOfSales.id}`, more: {} },
];

for (const { account, fiche, more } of pages) {
  test.describe(`${account} on a phone`, () => {
    test.use({ ...phone, storageState: storageState(account) });

    test("home, clients, a fiche, pièces, tasks and the agenda fit the screen", async ({ page }) => {
      const shown = { accueil: "/", clients: "/clients", fiche: fiche(), pieces: "/pieces", taches: "/taches", ...more };
      for (const [name, path] of Object.entries(shown)) {
        await expectNoSidewaysScroll(page, path);
        await page.screenshot({ path: `test-results/screens/phone-${account}-${name}.png`, fullPage: true });
      }
    });
  });
}

test.describe("menu on a phone", () => {
  test.use({ ...phone, storageState: storageState("collector") });

  test("opens as a drawer, navigates and closes", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeHidden();
    const open = page.getByRole("button", { name: "Ouvrir le menu" });
    const drawer = page.getByRole("dialog", { name: "Menu" });
    await expect(async () => {
      if (!(await drawer.isVisible())) await open.click();
      await expect(drawer).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await drawer.getByRole("link", { name: "Clients" }).click();
    await expect(page).toHaveURL(/\/clients$/);
    await expect(drawer).toBeHidden();

    await open.click();
    await expect(drawer).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
  });
});

test.describe("installing on a phone", () => {
  test("the manifest and its icons are served without signing in", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.ok()).toBe(true);
    const manifest = await response.json();
    expect(manifest).toMatchObject({ name: "Encaisse", lang: "fr", start_url: "/", display: "standalone" });
    const sizes = manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`);
    expect(sizes).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const src of [...manifest.icons.map((icon: { src: string }) => icon.src), "/apple-touch-icon.png"]) {
      const icon = await request.get(src, { maxRedirects: 0 });
      expect(icon.status(), src).toBe(200);
      expect(icon.headers()["content-type"]).toBe("image/png");
    }
  });

  test("the pages link the manifest and the home-screen icon", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /apple-touch-icon\.png|apple-icon/);
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#006585");
  });
});
