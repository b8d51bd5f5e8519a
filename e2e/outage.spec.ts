/**
 * A second server of the browser-test build, on PostgreSQL reached through a relay the test can cut: it starts while
 * the database is down, serves once it is back, shows the French error page when it goes down again, and recovers
 * on « Réessayer » without a restart.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { entities } from "@/db/schema";
import { type OutageProxy, startOutageProxy } from "@/db/testing-proxy";
import { hashPassword } from "@/lib/auth/password";
import { logIn, password } from "./helpers";
import { expect, test } from "./test";

const serverUrl = process.env.TEST_DATABASE_URL;
const port = Number(process.env.E2E_OUTAGE_PORT ?? 3101);
const email = "panne@encaisse.test";

test.skip(!serverUrl, "TEST_DATABASE_URL n'est pas défini : ce test coupe un vrai PostgreSQL (127.0.0.1:5432) derrière un relais.");
test.use({ baseURL: `http://127.0.0.1:${port}` });

let admin: postgres.Sql;
let database: DatabaseHandle;
let proxy: OutageProxy;
let server: ChildProcess;
let serverLog = "";
const name = `encaisse_outage_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} : délai dépassé.\n${serverLog}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const direct = new URL(serverUrl!);
  direct.pathname = `/${name}`;
  database = await openDatabase({ databaseUrl: direct.toString() });
  const [entity] = await database.db.insert(entities).values({ code: "PANNE", name: "Société en panne" }).returning();
  await createUser(database.db, {
    email,
    name: "Admin Panne",
    phone: null,
    role: "admin",
    entityIds: [entity.id],
    passwordHash: await hashPassword(password),
  });

  proxy = await startOutageProxy(serverUrl!, { listening: false });
  server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: ".next-e2e",
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-outage-")),
      DATABASE_URL: proxy.url(name),
      JOBS_IN_PROCESS: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [server.stdout!, server.stderr!]) stream.on("data", (chunk) => (serverLog += String(chunk)));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/login`).catch(() => null))?.ok === true, "démarrage du serveur");
});

test.afterAll(async () => {
  if (server?.exitCode === null) server.kill("SIGTERM");
  await proxy?.cut();
  await database?.close();
  await admin?.unsafe(`drop database if exists ${name} with (force)`);
  await admin?.end();
});

test("the database goes down: a French error page with a reference, then the app again once it is back", async ({ page }) => {
  // Started during the outage: it says so and keeps serving.
  await waitFor(() => serverLog.includes("[démarrage] La base de données ne répond pas"), "message de démarrage");
  await proxy.restore();
  await waitFor(() => serverLog.includes("[démarrage] La base de données répond de nouveau."), "reprise au démarrage");

  await logIn(page, email);
  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await expect(menu).toBeVisible();

  await proxy.cut();
  await page.reload();
  const alert = page.getByRole("alert").filter({ hasText: "Que faire ?" });
  await expect(alert.getByRole("heading", { level: 1 })).toHaveText("La base de données ne répond pas");
  await expect(alert).toContainText("Réessayez dans quelques instants.");
  await expect(alert).toContainText("contactez votre administrateur en lui donnant la référence");
  await expect(page).toHaveTitle("La base de données ne répond pas · Encaisse");
  const reference = (await alert.getByTestId("error-reference").textContent())!.trim();
  expect(reference).toMatch(/^\S+$/);
  await page.screenshot({ path: "/tmp/outage-error.png" });
  // The reference on the page finds the error in the server's log.
  await waitFor(() => serverLog.includes(`[erreur] Référence ${reference} :`), "référence dans le journal");

  // Still down: « Réessayer », reached with the keyboard, leaves the page in place.
  const retry = alert.getByRole("button", { name: "Réessayer" });
  await page.keyboard.press("Tab");
  await expect(retry).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(alert.getByRole("heading", { level: 1 })).toHaveText("La base de données ne répond pas");

  await proxy.restore();
  // Under load the first request after the database came back has once (in a full run) still failed, with the
  // service answering « up »: a user would click again, so the test does too, a few times at most.
  await expect(async () => {
    if (await retry.isVisible()) await retry.click();
    await expect(menu).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  await expect(alert).toHaveCount(0);
  expect(server.exitCode, "le serveur n'a pas redémarré").toBeNull();
});
