/**
 * Two servers of the browser-test build on one PostgreSQL, as the README's « Several instances » sets them up: the
 * same AUTH_SECRET, the files in one S3-compatible bucket, each its own empty DATA_DIR, no in-process schedules. A
 * session opened on one is valid on the other, a file attached through one is served by the other, and the nightly
 * run started on both at once runs once: one says it is done, the other that a run is under way, and every
 * reminder goes out once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import S3rver from "s3rver";
import { type DatabaseHandle, openDatabase, queryRows } from "@/db/client";
import { seedDemo } from "@/db/seed/generate";
import { today } from "@/lib/dates";
import { sql } from "drizzle-orm";
import { accounts, logIn } from "./helpers";
import { expect, test } from "./test";

const serverUrl = process.env.TEST_DATABASE_URL;
const ports = [Number(process.env.E2E_INSTANCE_PORT ?? 3102), Number(process.env.E2E_INSTANCE_PORT ?? 3102) + 1];
const urls = ports.map((port) => `http://127.0.0.1:${port}`);

test.skip(!serverUrl, "TEST_DATABASE_URL n'est pas défini : deux serveurs ne partagent qu'un vrai PostgreSQL (127.0.0.1:5432).");
test.use({ baseURL: urls[0] });

let admin: postgres.Sql;
let database: DatabaseHandle;
let bucket: S3rver;
const servers: ChildProcess[] = [];
const logs = ["", ""];
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-instances-"));
const name = `encaisse_instances_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 90_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} : délai dépassé.\n${logs.join("\n---\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  database = await openDatabase({ databaseUrl: url.toString() });
  await seedDemo(database.db, { size: "demo", today: today() });

  bucket = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(temp, "s3"), configureBuckets: [{ name: "pieces", configs: [] }] });
  const s3 = (await bucket.run()) as AddressInfo;
  const shared = {
    DATABASE_URL: url.toString(),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    S3_BUCKET: "pieces",
    S3_ENDPOINT: `http://127.0.0.1:${s3.port}`,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    JOBS_IN_PROCESS: "off",
    NEXT_DIST_DIR: ".next-e2e",
  };
  ports.forEach((port, i) => {
    const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      // Each instance its own empty folder: nothing one writes to its disk may be needed by the other.
      env: { ...process.env, ...shared, DATA_DIR: fs.mkdtempSync(path.join(temp, `instance-${i}-`)) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [server.stdout!, server.stderr!]) stream.on("data", (chunk) => (logs[i] += String(chunk)));
    servers.push(server);
  });
  for (const url of urls) await waitFor(async () => (await fetch(`${url}/login`).catch(() => null))?.ok === true, `démarrage de ${url}`);
});

test.afterAll(async () => {
  for (const server of servers) if (server.exitCode === null) server.kill("SIGTERM");
  await database?.close();
  await admin?.unsafe(`drop database if exists ${name} with (force)`);
  await admin?.end();
  await bucket?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

test("a session opened on one instance is valid on the other", async ({ page }) => {
  await logIn(page, accounts.admin);
  await expect(page.getByRole("heading", { level: 1, name: /^Bonjour/ })).toBeVisible();
  // Same host, another port: the browser sends the same session cookie, which the other instance must accept.
  await page.goto(`${urls[1]}/clients`);
  await expect(page).toHaveURL(`${urls[1]}/clients`);
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
});

test("a file attached through one instance is served by the other", async ({ page }) => {
  await logIn(page, accounts.admin);
  await expect(page.getByRole("heading", { level: 1, name: /^Bonjour/ })).toBeVisible();
  const [client] = await queryRows<{ id: string }>(database.db, sql`select id from clients order by code limit 1`);
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n");
  const sent = await page.request.post(`${urls[0]}/api/fichiers`, {
    multipart: { clientId: client.id, file: { name: "Relevé.pdf", mimeType: "application/pdf", buffer: pdf } },
  });
  expect(sent.status()).toBe(201);
  const file = await page.request.get(`${urls[1]}/api/fichiers/${(await sent.json()).id}`);
  expect(file.status()).toBe(200);
  expect(await file.body()).toEqual(pdf);
});

test("the nightly run started on both instances at once runs once, and each reminder goes out once", async ({ page, context }) => {
  test.setTimeout(180_000);
  await logIn(page, accounts.admin);
  await expect(page.getByRole("heading", { level: 1, name: /^Bonjour/ })).toBeVisible();
  const other = await context.newPage();
  const pages = [page, other];
  await Promise.all(pages.map((p, i) => p.goto(`${urls[i]}/parametrage/traitements`)));
  const started = new Date();
  const buttons = pages.map((p) => p.getByRole("button", { name: /^Lancer maintenant : Traitement de nuit/ }));
  await Promise.all(buttons.map((button) => button.click()));

  const outcomes = await Promise.all(
    pages.map(async (p) => {
      const said = p.getByRole("status").or(p.getByRole("alert")).filter({ hasText: /Traitement terminé|déjà en cours/ });
      await expect(said).toBeVisible({ timeout: 150_000 });
      return (await said.textContent())!.trim();
    }),
  );
  expect(outcomes.filter((text) => text === "Traitement terminé.")).toHaveLength(1);
  expect(outcomes.filter((text) => text.includes("Un traitement de nuit est déjà en cours"))).toHaveLength(1);

  const runs = await queryRows<{ status: string }>(database.db, sql`select status::text from job_runs where job = 'nightly-run'`);
  expect(runs).toEqual([{ status: "succeeded" }]);
  // The demo's history holds earlier sends: only this run's count.
  const [sends] = await queryRows<{ messages: number; actions: number; sent: number }>(
    database.db,
    sql`select (select count(*)::int from outbound_messages where created_at >= ${started.toISOString()}::timestamptz) as messages,
      (select count(distinct action_id)::int from outbound_messages where created_at >= ${started.toISOString()}::timestamptz) as actions,
      (select count(*)::int from actions where status = 'sent' and sent_at >= ${started.toISOString()}::timestamptz) as sent`,
  );
  expect(sends.messages).toBeGreaterThan(0);
  expect(sends).toEqual({ messages: sends.messages, actions: sends.messages, sent: sends.messages });
});
