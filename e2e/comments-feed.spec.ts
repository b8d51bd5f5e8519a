import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";

test.describe("collector", () => {
  test.use({ storageState: storageState("collector") });

  test("finds a comment left on a fiche in « Réponses et commentaires », with a link back to the client", async ({ page }) => {
    const client = fixtures().clientOfCollector1;
    await page.goto(`/clients/${client.id}`);
    const comment = page.getByLabel("Ajouter un commentaire");
    await comment.fill("Comptable absente jusqu'à lundi : rappeler mardi matin.");
    await comment.press("Control+Enter");
    await expect(comment).toHaveValue("");

    await page.goto("/relance/commentaires");
    const item = page.getByRole("article", { name: `Commentaire de Sophie Durand sur ${client.name}` }).first();
    await expect(item).toContainText("Comptable absente jusqu'à lundi : rappeler mardi matin.");
    await page.screenshot({ path: "test-results/screens/comments-feed.png", fullPage: true });
    await item.getByRole("link", { name: client.name }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${client.id}$`));
  });
});

test.describe("collector of another portfolio", () => {
  test.use({ storageState: storageState("collector2") });

  test("does not see it", async ({ page }) => {
    await page.goto("/relance/commentaires");
    await expect(page.getByText("Comptable absente jusqu'à lundi")).toHaveCount(0);
  });
});
