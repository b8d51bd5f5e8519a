/**
 * `npm run bench:pages` (PostgreSQL at DATABASE_URL): seeds the `--size large` data set when the database is
 * empty, builds and starts the app against it, logs in as an administrator and as a collector, then requests
 * each page repeatedly and prints p50 / p95 of the time to the last byte (the server's time: localhost, no
 * browser) against the 300 ms target, with the machine's load average (1 min) beside each line; then times the
 * clients export, whole and filtered. The open API's clients list is timed the same way with keys made here, against
 * its own 100 ms target, beside the bare SQL of the same page. `--only TEXT` measures the lines whose label holds TEXT,
 * `--skip TEXT` all but those. `--embedded` measures the same pages on the embedded demo instead (PGlite in
 * DATA_DIR, `data/bench-embedded` by default, seeded with the demo data when empty; no API lines: PGlite serves one
 * process, the server's).
 */
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { pendingStatuses } from "@/db/queries/agenda";
import { env } from "@/lib/env";
import { API_CLIENTS_PATH, bareSqlOfClientsPage, makeBenchApiKeys } from "./api-clients";
import { percentile } from "./steps";

const TARGET_MS = 300;
const HOME_TARGET_MS = 150;
const API_TARGET_MS = 100;
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
    skip: { type: "string" },
    port: { type: "string", default: "3400" },
    embedded: { type: "boolean", default: false },
  },
});
const embeddedDir = process.env.DATA_DIR ?? "data/bench-embedded";
const PORT = Number(args.port);
const base = `http://127.0.0.1:${PORT}`;
const runs = Number(args.runs);

function run(command: string, argv: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")} a échoué (${code})`))));
  });
}

async function waitForServer(child: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error("le serveur s'est arrêté");
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("le serveur ne répond pas");
}

async function sessionCookie(email: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("Encaisse2026!");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A page's session cookie, or an API key's Authorization header. */
type Credentials = { cookie: string } | { authorization: string };

async function timeRequest(path: string, credentials: Credentials): Promise<number> {
  const start = performance.now();
  const response = await fetch(base + path, { headers: credentials, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} : HTTP ${response.status}`);
  return performance.now() - start;
}


async function measure(label: string, path: string, credentials: Credentials, target = TARGET_MS) {
  // A freshly started server compiles its code paths on the first requests: those are not the steady state.
  for (let i = 0; i < 10; i++) await timeRequest(path, credentials);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeRequest(path, credentials));
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const load = os.loadavg()[0].toFixed(1);
  console.log(`${label.padEnd(44)} ${p50.toFixed(0).padStart(6)} ${p95.toFixed(0).padStart(6)}   ${(p95 / target).toFixed(2).padStart(5)}  ${(p95 <= target ? "ok" : "TROP LENT").padEnd(9)}  charge ${load}`);
  return { fast: p95 <= target, p50, p95 };
}

/** A whole download: no target, a figure to compare from one version to the next (median of 3 after one warm-up). */
async function measureDownload(label: string, path: string, cookie: string) {
  await timeRequest(path, { cookie });
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await timeRequest(path, { cookie }));
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${(times[1] / 1000).toFixed(1).padStart(6)} s`);
}

type Fixtures = { clients: number; documents: number; pending: number; ids: Record<string, string | null> };

/** What the pages are measured on, read before the server starts (an embedded database serves one process). */
async function readFixtures(options: { databaseUrl: string } | { dataDir: string }): Promise<Fixtures> {
  const handle = await openDatabase(options);
  try {
    const [counts] = await queryRows<{ clients: number; documents: number; pending: number }>(
      handle.db,
      sql`select (select count(*)::int from clients) as clients, (select count(*)::int from documents) as documents,
        (select count(*)::int from actions where status in (${sql.join(pendingStatuses.map((s) => sql`${s}`), sql`, `)})) as pending`,
    );
    const [ids] = await queryRows<Record<string, string | null>>(
      handle.db,
      sql`select (select id from entities order by code limit 1) as entity,
        (select id from users where email = 'recouvrement1@encaisse.demo') as collector,
        (select id from users where email = 'commercial@encaisse.demo') as sales_rep,
        (select client_id from documents group by client_id order by count(*) desc limit 1) as busiest_client,
        (select id from clients where collector_id = (select id from users where email = 'recouvrement1@encaisse.demo') order by overdue desc limit 1) as collector_client`,
    );
    return { ...counts, ids };
  } finally {
    await handle.close();
  }
}

async function main() {
  const embedded = args.embedded;
  if (!embedded && !env.DATABASE_URL) throw new Error("DATABASE_URL doit désigner une base PostgreSQL (le jeu large n'est pas pour PGlite), ou utilisez --embedded.");
  const databaseEnv: Record<string, string> = embedded ? { DATABASE_URL: "", DATA_DIR: embeddedDir } : { DATABASE_URL: env.DATABASE_URL! };
  await run("npx", ["tsx", "db/seed/cli.ts", ...(embedded ? [] : ["--size", "large"]), "--if-empty"], databaseEnv);
  const { clients, documents, pending, ids } = await readFixtures(embedded ? { dataDir: embeddedDir } : { databaseUrl: env.DATABASE_URL! });
  console.log(
    `Données${embedded ? ` (démo embarquée, PGlite dans ${embeddedDir})` : ""} : ${clients.toLocaleString("fr-FR")} clients, ` +
      `${documents.toLocaleString("fr-FR")} pièces, ${pending.toLocaleString("fr-FR")} actions en attente`,
  );
  // The agenda, its counters and the forecast are only measured as in production after a nightly evaluation.
  if (pending === 0) console.log("Aucune action en attente : lancez d'abord « npm run job:nightly » sur cette base.");

  const serverEnv = { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench", JOBS_IN_PROCESS: "off", ...databaseEnv };
  if (!args["no-build"]) await run("npx", ["next", "build"], serverEnv);
  if (await fetch(`${base}/login`).then(() => true, () => false)) throw new Error(`Le port ${PORT} est déjà occupé : arrêtez l'autre serveur d'abord.`);
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: { ...process.env, ...serverEnv },
  });
  const keys = embedded ? null : await makeBenchApiKeys(env.DATABASE_URL!, ["admin@encaisse.demo", "recouvrement1@encaisse.demo"]);
  try {
    await waitForServer(server);
    const admin = await sessionCookie("admin@encaisse.demo");
    const collector = await sessionCookie("recouvrement1@encaisse.demo");
    // Each page after its full stream (the scenarios' forecast included); the home has its own, tighter target.
    const pages: [string, string, string, number?][] = [
      ["Accueil (administrateur)", "/", admin, HOME_TARGET_MS],
      ["Accueil (chargé de recouvrement)", "/", collector, HOME_TARGET_MS],
      ["Clients (administrateur, sans filtre)", "/clients", admin],
      ["Clients · recherche « dupont »", "/clients?q=dupont", admin],
      ["Clients · recherche sans accent « lefevre »", "/clients?q=lefevre", admin],
      ["Clients · recherche avec faute « dupnt »", "/clients?q=dupnt", admin],
      ["Clients · société", `/clients?entity=${ids.entity}`, admin],
      ["Clients · chargé de recouvrement", `/clients?collector=${ids.collector}`, admin],
      ["Clients · commercial", `/clients?salesRep=${ids.sales_rep}`, admin],
      ["Clients · département 69", "/clients?dept=69", admin],
      ["Clients · encours ≥ 50 000 €", "/clients?outstandingMin=50000", admin],
      ["Clients · échu entre 1 000 et 5 000 €", "/clients?overdueMin=1000&overdueMax=5000", admin],
      ["Clients · avec échu", "/clients?hasOverdue=yes", admin],
      ["Clients · avec litige", "/clients?hasDispute=yes", admin],
      ["Clients · relances suspendues", "/clients?paused=yes", admin],
      ["Clients · tri par raison sociale", "/clients?sort=name", admin],
      ["Clients (chargé de recouvrement)", "/clients", collector],
      ["Recherche rapide « dur »", "/api/clients/search?q=dur", admin],
      ["Recherche rapide code « C00123 »", "/api/clients/search?q=C00123", admin],
      ["Recherche rapide (chargé) « sas »", "/api/clients/search?q=sas", collector],
      ["Recherche rapide « guerin »", "/api/clients/search?q=guerin", admin],
      ["Recherche rapide avec faute « dupnt »", "/api/clients/search?q=dupnt", admin],
      ["Fiche client (le plus de pièces)", `/clients/${ids.busiest_client}`, admin],
      ["Fiche client (chargé de recouvrement)", `/clients/${ids.collector_client}`, collector],
      ["Pièces (administrateur)", "/pieces", admin],
      ["Pièces (chargé de recouvrement)", "/pieces", collector],
      ["Pièces · recherche « guerin »", "/pieces?q=guerin", admin],
      ["Relance · actions manuelles (administrateur)", "/relance", admin],
      ["Relance · actions manuelles (chargé)", "/relance", collector],
      ["Relance · automatiques (administrateur)", "/relance/automatiques", admin],
      ["Relance · automatiques (chargé)", "/relance/automatiques", collector],
      ["Relance · historique (administrateur)", "/relance/historique", admin],
      ["Relance · historique (chargé)", "/relance/historique", collector],
      ["Relance · commentaires (administrateur)", "/relance/commentaires", admin],
      ["Relance · graphiques (administrateur)", "/relance/graphiques", admin],
      ["Relance · priorité (administrateur)", "/relance/priorite", admin],
      ["Relance · scénarios et prévision 30 nuits", "/relance/scenarios", admin],
      ["Relance · groupes", "/relance/groupes", admin],
      ["Litiges (administrateur)", "/litiges", admin],
      ["Litiges (chargé)", "/litiges", collector],
      ["Mes tâches (chargé)", "/taches", collector],
      ["Notifications (chargé)", "/notifications", collector],
      ["Prévisions d'encaissement", "/previsions", admin],
      ["Historique des imports", "/import/historique", admin],
    ];
    const wanted = ([label]: [string, ...unknown[]]) => (!args.only || label.includes(args.only)) && !(args.skip && label.includes(args.skip));
    const measured = pages.filter(wanted);
    if (measured.length > 0) {
      console.log(`\n${"Page".padEnd(44)} ${"p50".padStart(6)} ${"p95".padStart(6)}   p95/objectif (${TARGET_MS} ms, accueil ${HOME_TARGET_MS} ms ; ${runs} requêtes chacune, en ms)`);
      let allFast = true;
      for (const [label, path, cookie, target] of measured) {
        try {
          allFast = (await measure(label, path, { cookie }, target)).fast && allFast;
        } catch (error) {
          allFast = false;
          console.log(`${label.padEnd(44)} ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      console.log(allFast ? "\nToutes les pages tiennent l'objectif." : "\nCertaines pages dépassent l'objectif.");
    }

    const apiCases: [string, string][] = keys === null ? [] : [
      ["API clients, 100 par page (administrateur)", "admin@encaisse.demo"],
      ["API clients, 100 par page (chargé)", "recouvrement1@encaisse.demo"],
    ];
    if (apiCases.length > 0) console.log(`\n${"API".padEnd(44)} ${"p50".padStart(6)} ${"p95".padStart(6)}   p95/${API_TARGET_MS} ms  SQL seul (EXPLAIN ANALYZE)`);
    for (const [label, email] of apiCases.filter(wanted)) {
      const { p50 } = await measure(label, API_CLIENTS_PATH, { authorization: `Bearer ${keys!.tokens[email]}` }, API_TARGET_MS);
      const bare = await bareSqlOfClientsPage(env.DATABASE_URL!, email);
      console.log(`${"  SQL de la même page".padEnd(44)} ${bare.toFixed(1).padStart(6)} ms  (p50 de l'API = ${(p50 / bare).toFixed(1)} × le SQL)`);
    }
    if (args.only || args.skip) return;
    console.log(`\n${"Téléchargement".padEnd(44)} médiane`);
    await measureDownload(`Export clients (${clients.toLocaleString("fr-FR")} lignes, xlsx)`, "/api/clients/export", admin);
    await measureDownload("Export clients · avec échu", "/api/clients/export?hasOverdue=yes", admin);
  } finally {
    server.kill();
    await keys?.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
