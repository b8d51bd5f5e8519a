import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { fixtures, storageState } from "./helpers";
import { analyzeUpload, importAndWait } from "./import-steps";
import { audit } from "./axe";

/** Visits each page, waits for it to settle, and checks them all before failing with every violation found. */
async function auditPages(page: Page, paths: string[], options: { frames?: boolean } = {}) {
  const reports: string[] = [];
  for (const pagePath of paths) {
    const response = await page.goto(pagePath);
    expect(response?.status(), pagePath).toBe(200);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 }).first(), pagePath).toBeVisible();
    const report = await audit(page, pagePath, options);
    if (report) reports.push(report);
  }
  expect(reports.join("\n\n"), "violations graves ou critiques (axe)").toBe("");
}

/** The item links of the list at `list`, waited for; when there are none, the failure tells what the page showed. */
async function itemLinks(page: Page, list: string, item: RegExp): Promise<string[]> {
  await page.goto(list);
  await expect(page.getByRole("heading", { level: 1 }).first(), list).toBeVisible();
  const read = () =>
    page.locator("main a[href]").evaluateAll(
      (links, pattern) => links.map((a) => a.getAttribute("href") ?? "").filter((h) => new RegExp(pattern).test(h)),
      item.source,
    );
  try {
    await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBeGreaterThan(0);
  } catch {
    const shown = (await page.locator("main").innerText().catch(() => "")).slice(0, 600);
    throw new Error(`Aucun lien vers un élément sur ${list} (adresse : ${page.url()}). La page montrait :\n${shown}`);
  }
  return read();
}

/** Opens the dialog of `trigger`, clicking again if the first click landed before the page was hydrated. */
async function openDialog(page: Page, trigger: ReturnType<Page["getByRole"]>, name: string) {
  const dialog = page.getByRole("dialog", { name });
  await expect(async () => {
    if (!(await dialog.isVisible())) await trigger.click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass();
  return dialog;
}

test.describe("administrator", () => {
  test.use({ storageState: storageState("admin"), viewport: { width: 1440, height: 900 } });

  test("home, clients, pièces and the relance agenda", async ({ page }) => {
    test.setTimeout(180_000);
    const { clientOfCollector1 } = fixtures();
    await auditPages(page, [
      "/",
      "/clients",
      `/clients/${clientOfCollector1.id}`,
      "/pieces",
      "/pieces?type=all",
      "/relance",
      "/relance/automatiques",
      "/relance/commentaires",
      "/relance/graphiques",
      "/relance/historique",
      "/relance/alertes",
      "/relance/alertes/nouvelle",
    ]);
  });

  test("the relance configuration: groups, templates and scenarios, lists, new and existing", async ({ page }) => {
    test.setTimeout(180_000);
    const [group] = await itemLinks(page, "/relance/groupes", /^\/relance\/groupes\/[0-9a-f-]{36}$/);
    const [template] = await itemLinks(page, "/relance/modeles", /^\/relance\/modeles\/[0-9a-f-]{36}$/);
    const [scenario] = await itemLinks(page, "/relance/scenarios", /^\/relance\/scenarios\/[0-9a-f-]{36}$/);
    await auditPages(page, [
      "/relance/groupes",
      "/relance/groupes/nouveau",
      group,
      "/relance/modeles",
      "/relance/modeles/nouveau",
      template,
      "/relance/scenarios",
      "/relance/scenarios/nouveau",
      scenario,
    ]);
  });

  test("paramétrage and import, with a refused import's page", async ({ page }) => {
    test.setTimeout(180_000);
    // A file whose only pièce names an unknown client: refused, it leaves an import page and changes no data.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-e2e-a11y-")), "pieces-client-inconnu.csv");
    fs.writeFileSync(file, "Code client;N° facture;Date facture;Échéance;Montant TTC;Reste dû\r\nINCONNU-A11Y;A11Y-0001;15/10/2026;14/11/2026;10,00;10,00\r\n");
    await analyzeUpload(page, /Pièces comptables/, file, "incremental");
    await importAndWait(page);
    const importPage = new URL(page.url()).pathname;
    await auditPages(page, [
      "/parametrage",
      "/parametrage/societe",
      "/parametrage/traitements",
      "/parametrage/utilisateurs",
      "/parametrage/messages",
      "/parametrage/cles-api",
      "/parametrage/webhooks",
      "/parametrage/colonnes",
      "/compte/cles-api",
      "/import",
      "/import/historique",
      importPage,
    ]);
  });

  test("the priority of actions, disputes, tasks, notifications, scoring and forecasts", async ({ page }) => {
    test.setTimeout(180_000);
    const [dispute] = await itemLinks(page, "/litiges", /^\/litiges\/[0-9a-f-]{36}$/);
    await auditPages(page, ["/relance/priorite", "/litiges", dispute, "/taches", "/notifications", "/parametrage/scoring", "/previsions"]);
  });

  test("the fiche client's dialogs, open, and the page of the e-mail one of them sent", async ({ page }) => {
    test.setTimeout(180_000);
    const { clientForActions: client } = fixtures();
    const reports: string[] = [];
    const check = async (what: string, options?: { frames?: boolean }) => {
      const report = await audit(page, `/clients/${client.id} (${what})`, options);
      if (report) reports.push(report);
    };
    await page.goto(`/clients/${client.id}`);
    await page.waitForLoadState("networkidle");

    const call = await openDialog(page, page.getByRole("button", { name: "Noter un appel" }), "Noter un appel");
    await check("Noter un appel");
    await call.getByLabel("Promesse de règlement").check();
    await check("Noter un appel, promesse");
    await page.keyboard.press("Escape");
    await expect(call).toBeHidden();

    const statement = await openDialog(page, page.getByRole("button", { name: "Relevé de compte" }), "Relevé de compte");
    await expect(statement.getByRole("link", { name: "Télécharger le relevé (PDF)" })).toBeVisible();
    await check("Relevé de compte");
    await page.keyboard.press("Escape");
    await expect(statement).toBeHidden();

    const email = await openDialog(page, page.getByRole("button", { name: "Envoyer un e-mail" }), "Envoyer un e-mail");
    await check("Envoyer un e-mail");
    const subject = `Contrôle d'accessibilité ${Date.now()}`;
    await email.getByLabel("Objet").fill(subject);
    await email.getByLabel("Message").fill("Bonjour,\n\nLe reste dû figure sur le relevé ci-joint.\n\nCordialement");
    await email.getByRole("button", { name: "Aperçu" }).click();
    await expect(email.getByRole("region", { name: "Aperçu de l'e-mail" })).toContainText(subject);
    await check("Envoyer un e-mail, aperçu", { frames: false });
    await email.getByRole("button", { name: "Envoyer" }).click();
    await expect(email).toBeHidden();
    expect(reports.join("\n\n"), "violations graves ou critiques (axe)").toBe("");

    // The e-mail just sent, in Messages envoyés.
    await page.goto("/parametrage/messages");
    const message = (await page.getByRole("link", { name: subject }).first().getAttribute("href"))!;
    expect(message).toMatch(/^\/parametrage\/messages\/[0-9a-f-]{36}$/);
    await auditPages(page, [message], { frames: false });
  });

  test("an alert's clients and its own page", async ({ page }) => {
    await page.goto("/relance/alertes/nouvelle");
    await page.getByLabel("Nom de l'alerte").fill("Contrôle d'accessibilité");
    await page.getByLabel("Valeur du critère 1").fill("1");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page).toHaveURL(/\/relance\/alertes$/);
    const card = page.getByRole("article", { name: "Contrôle d'accessibilité" });
    const edit = (await card.getByRole("link", { name: "Modifier « Contrôle d'accessibilité »" }).getAttribute("href"))!;
    const clients = (await card.getByRole("link", { name: "Voir les clients" }).getAttribute("href"))!;
    await auditPages(page, [clients, edit]);
    // Removed again: the alert belongs to this test only.
    await page.goto("/relance/alertes");
    await card.getByRole("button", { name: "Supprimer « Contrôle d'accessibilité »" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
    await expect(card).toHaveCount(0);
  });

  test("menus, popovers and dialogs, open", async ({ page }) => {
    test.setTimeout(120_000);
    const reports: string[] = [];
    const openAndAudit = async (pagePath: string, what: string, open: () => Promise<void>) => {
      await page.goto(pagePath);
      await page.waitForLoadState("networkidle");
      await open();
      const report = await audit(page, `${pagePath} (${what})`);
      if (report) reports.push(report);
    };
    await openAndAudit("/clients", "Colonnes", async () => {
      await page.getByRole("button", { name: "Colonnes" }).click();
      await expect(page.getByRole("dialog", { name: "Colonnes affichées" })).toBeVisible();
    });
    await openAndAudit("/clients", "menu de l'utilisateur", async () => {
      await page.getByRole("button", { name: /^Claire Martin/ }).click();
      await expect(page.getByRole("menuitem", { name: "Se déconnecter" })).toBeVisible();
    });
    await openAndAudit("/clients", "notifications", async () => {
      await page.getByRole("button", { name: /^Notifications/ }).click();
      await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
    });
    await openAndAudit("/parametrage/utilisateurs", "modifier un utilisateur", async () => {
      await page.getByRole("button", { name: /^Modifier / }).first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
    });
    await openAndAudit("/compte/cles-api", "clé d'API créée, affichée une fois", async () => {
      await page.getByRole("button", { name: "Nouvelle clé" }).click();
      await page.getByRole("dialog").getByLabel("Nom de la clé").fill("Contrôle d'accessibilité");
      await page.getByRole("dialog").getByRole("button", { name: "Créer la clé" }).click();
      await expect(page.getByRole("dialog", { name: "Clé créée" })).toBeVisible();
    });
    await openAndAudit("/relance/modeles", "nouveau modèle", async () => {
      await page.getByRole("button", { name: "Nouveau modèle" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
    });
    await openAndAudit("/relance/modeles/nouveau?canal=email", "insérer un champ", async () => {
      await page.getByRole("button", { name: "Insérer un champ" }).first().click();
      await expect(page.getByRole("dialog", { name: "Insérer un champ" })).toBeVisible();
    });
    expect(reports.join("\n\n"), "violations graves ou critiques (axe)").toBe("");
  });

  test("a keyboard user skips to the content, and a dialog gives the focus back to the button that opened it", async ({ page }) => {
    await page.goto("/clients");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#contenu")).toBeFocused();
    // The next Tab lands in the page, past the menu and the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement))).toBe(true);

    await page.goto("/parametrage/utilisateurs");
    const edit = page.getByRole("button", { name: /^Modifier / }).first();
    await edit.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(edit).toBeFocused();

    await page.getByRole("button", { name: /^Absence de / }).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.getByRole("dialog").getByRole("button", { name: "Fermer" }).click();
    await expect(page.getByRole("button", { name: /^Absence de / }).first()).toBeFocused();
  });
});

test.describe("collector", () => {
  test.use({ storageState: storageState("collector"), viewport: { width: 1440, height: 900 } });

  test("the pages of the day's work", async ({ page }) => {
    test.setTimeout(180_000);
    const { clientOfCollector1 } = fixtures();
    await auditPages(page, [
      "/",
      "/clients",
      `/clients/${clientOfCollector1.id}`,
      "/pieces",
      "/relance",
      "/relance/automatiques",
      "/relance/historique",
      "/relance/commentaires",
      "/relance/alertes",
    ]);
  });
});

test.describe("collector, in a discussion", () => {
  test.use({ storageState: storageState("collector"), viewport: { width: 1440, height: 900 } });

  test("a colleague outside the client's portfolio, mentioned, opens the discussion's own page", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const title = `Accessibilité de la discussion ${Date.now()}`;
    // The collector's last dispute, so as not to crowd the one the collaboration test discusses.
    const disputes = await itemLinks(page, "/litiges", /^\/litiges\/[0-9a-f-]{36}$/);
    await page.goto(disputes[disputes.length - 1]);
    await page.waitForLoadState("networkidle");
    const panel = await openDialog(page, page.getByRole("button", { name: /^Discussions/ }), "Discussions");
    await panel.getByRole("button", { name: "Nouvelle discussion" }).click();
    await panel.getByLabel("Titre").fill(title);
    const first = panel.getByRole("textbox", { name: "Message" });
    await first.pressSequentially("Peux-tu regarder ce litige ? @Tho");
    await panel.getByRole("listbox", { name: "Personnes à mentionner" }).getByRole("option", { name: /Thomas Petit/ }).click();
    await panel.getByRole("button", { name: "Ouvrir la discussion" }).click();
    await expect(panel.getByRole("list", { name: "Messages" })).toContainText("@Thomas Petit");

    // Thomas Petit does not follow this client: the notification leads him to /discussions/[id].
    const context = await browser.newContext({ storageState: storageState("collector2"), viewport: { width: 1440, height: 900 } });
    const colleague = await context.newPage();
    try {
      await colleague.goto("/notifications");
      await colleague.getByRole("button", { name: new RegExp(`Sophie Durand vous a mentionné dans « ${title} »`) }).click();
      await expect(colleague).toHaveURL(/\/discussions\/[0-9a-f-]{36}$/);
      await auditPages(colleague, [new URL(colleague.url()).pathname]);
    } finally {
      await context.close();
    }
  });
});

test("the login page", async ({ page }) => {
  await auditPages(page, ["/login"]);
});
