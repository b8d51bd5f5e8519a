import { expect, test as setup } from "@playwright/test";
import { type Account, accounts, logIn, storageState } from "./helpers";

for (const account of Object.keys(accounts) as Account[]) {
  setup(`log in as ${account}`, async ({ page }) => {
    await logIn(page, accounts[account]);
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    await page.context().storageState({ path: storageState(account) });
  });
}
