/**
 * `npm run bench:import` (PostgreSQL at DATABASE_URL): imports a generated 1 000 000-row pièces CSV (semicolon,
 * Windows-1252, French numbers and dates) and a 100 000-row pièces xlsx, and prints time, rows/s, peak RSS and
 * the ratio to a plain COPY of the same rows into an unindexed table. Works in its own société "BENCH",
 * removed at the end. On the `--size large` set it also imports a daily file of 100 000 pièces into the existing
 * ledger, as a company does each morning: 90 000 open invoices unchanged, 5 000 partly paid, 5 000 new (the large
 * set keeps these changes). `--only TEXT` runs the cases whose name holds TEXT.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { entities } from "@/db/schema";
import { addDays, today } from "@/lib/dates";
import { env } from "@/lib/env";
import { runImport } from "@/lib/import/run-import";
import { loadAverage } from "./steps";

const CLIENTS = 10_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-bench-"));
const header = ["Société", "Code client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Reste dû"];

function frAmount(cents: number) {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${sign}${euros},${String(abs % 100).padStart(2, "0")}`;
}
const frDate = (day: number) => {
  const d = new Date(Date.UTC(2025, 0, 1 + day));
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
};
function row(i: number): string[] {
  const cents = 8_000 + ((i * 7919) % 5_000_000);
  const issued = i % 600;
  return ["BENCH", `B${String(i % CLIENTS).padStart(6, "0")}`, `FB-${String(i).padStart(8, "0")}`, frDate(issued), frDate(issued + 30), frAmount(cents), frAmount(cents)];
}

function writeCsv(file: string, rows: number) {
  const out = fs.openSync(file, "w");
  let chunk = header.join(";") + "\r\n";
  for (let i = 0; i < rows; i++) {
    chunk += row(i).join(";") + "\r\n";
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, iconv.encode(chunk, "windows-1252"));
      chunk = "";
    }
  }
  fs.writeSync(out, iconv.encode(chunk, "windows-1252"));
  fs.closeSync(out);
}

async function writeXlsx(file: string, rows: number) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet("Pièces");
  sheet.addRow(header).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
  await workbook.commit();
}

async function copyBaseline(url: string, csvFile: string): Promise<number> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`drop table if exists bench_copy`;
    await client`create table bench_copy (entity text, client text, number text, issued text, due text, amount text, open text)`;
    const started = performance.now();
    const writable = await client`copy bench_copy from stdin with (format csv, delimiter ';', header true, encoding 'WIN1252')`.writable();
    await new Promise<void>((resolve, reject) => {
      fs.createReadStream(csvFile).pipe(writable).on("finish", resolve).on("error", reject);
    });
    const seconds = (performance.now() - started) / 1000;
    await client`drop table bench_copy`;
    return seconds;
  } finally {
    await client.end();
  }
}

const DAILY_ROWS = 100_000;
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

type Case = {
  name: string;
  rows: number;
  file: string;
  /** Writes the file; false when the data it needs is not there. */
  make: () => Promise<unknown> | unknown;
  csvForCopy: string;
  importDate: string;
  /** Imported into the existing ledger, and kept there. */
  intoLedger?: boolean;
};

/** The daily file, written from the large set's own open invoices: 5 % partly paid, 5 % new invoices. */
async function writeDailyFile(url: string, file: string, importDate: string): Promise<boolean> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await client<{ n: number }[]>`select count(*)::int as n from clients c join entities e on e.id = c.entity_id where e.code <> 'BENCH'`;
    if (n < 100_000) return false;
    const existing = DAILY_ROWS * 0.95;
    const rows = await client<{ entity: string; client: string; number: string; issued: string; due: string; amount: string; open: string }[]>`
      select e.code as entity, c.code as client, d.number, to_char(d.issue_date, 'DD/MM/YYYY') as issued,
        to_char(d.due_date, 'DD/MM/YYYY') as due, (d.amount * 100)::bigint::text as amount, (d.open_amount * 100)::bigint::text as open
      from documents d join clients c on c.id = d.client_id join entities e on e.id = c.entity_id
      where d.status = 'open' and d.type = 'invoice' and d.open_amount > 0 and d.currency = 'EUR'
      order by d.id limit ${existing}`;
    const clients = await client<{ entity: string; client: string }[]>`
      select e.code as entity, c.code as client from clients c join entities e on e.id = c.entity_id
      where e.code <> 'BENCH' order by c.code, e.code limit ${DAILY_ROWS - existing}`;
    const [y, m, d] = importDate.split("-");
    const out = fs.openSync(file, "w");
    let chunk = header.join(";") + "\r\n";
    const flush = () => {
      fs.writeSync(out, iconv.encode(chunk, "windows-1252"));
      chunk = "";
    };
    rows.forEach((r, i) => {
      const open = i % 20 === 0 ? Math.round(Number(r.open) * 0.9) : Number(r.open);
      chunk += [r.entity, r.client, r.number, r.issued, r.due, frAmount(Number(r.amount)), frAmount(open)].join(";") + "\r\n";
      if (chunk.length > 1 << 20) flush();
    });
    clients.forEach((c, i) => {
      const cents = 10_000 + ((i * 7919) % 2_000_000);
      chunk += [c.entity, c.client, `FQ-${y}${m}${d}-${String(i).padStart(6, "0")}`, `${d}/${m}/${y}`, addDays(importDate, 30 + (i % 30)).split("-").reverse().join("/"), frAmount(cents), frAmount(cents)].join(";") + "\r\n";
    });
    flush();
    fs.closeSync(out);
    return true;
  } finally {
    await client.end();
  }
}

async function main() {
  if (!env.DATABASE_URL) throw new Error("bench:import mesure PostgreSQL : définissez DATABASE_URL.");
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL });
  const { db } = handle;
  try {
    await db.execute(sql`delete from clients where entity_id in (select id from entities where code = 'BENCH')`);
    await db.execute(sql`delete from entities where code = 'BENCH'`);
    const [bench] = await db.insert(entities).values({ code: "BENCH", name: "Banc d'essai" }).returning();
    await db.execute(sql`insert into clients (entity_id, code, name)
      select ${bench.id}, 'B' || lpad(i::text, 6, '0'), 'Client banc ' || i from generate_series(0, ${CLIENTS - 1}) i`);

    const date = today();
    const daily = path.join(dir, "quotidien.csv");
    const cases: Case[] = [
      { name: "CSV 1 000 000 lignes", rows: 1_000_000, file: path.join(dir, "pieces.csv"), make: () => writeCsv(path.join(dir, "pieces.csv"), 1_000_000), csvForCopy: path.join(dir, "pieces.csv"), importDate: "2026-11-23" },
      { name: "XLSX 100 000 lignes", rows: 100_000, file: path.join(dir, "pieces.xlsx"), make: async () => { await writeXlsx(path.join(dir, "pieces.xlsx"), 100_000); writeCsv(path.join(dir, "pieces-100k.csv"), 100_000); }, csvForCopy: path.join(dir, "pieces-100k.csv"), importDate: "2026-11-23" },
      { name: "Fichier du jour 100 000", rows: DAILY_ROWS, file: daily, make: () => writeDailyFile(env.DATABASE_URL!, daily, date), csvForCopy: daily, importDate: date, intoLedger: true },
    ];
    for (const c of cases.filter((c) => !only || c.name.toLowerCase().includes(only.toLowerCase()))) {
      if ((await c.make()) === false) {
        console.log(`${c.name.padEnd(24)} non mesuré : le jeu large n'est pas chargé (npm run db:seed -- --size large).`);
        continue;
      }
      const started = performance.now();
      const outcome = await runImport(db, {
        kind: "documents", filePath: c.file, fileName: path.basename(c.file), mode: "incremental",
        importDate: c.importDate, userId: null, acceptRowErrors: false,
      });
      const seconds = (performance.now() - started) / 1000;
      const load = loadAverage();
      if (outcome.status !== "succeeded") throw new Error(`${c.name} : ${outcome.message}`);
      const copySeconds = await copyBaseline(env.DATABASE_URL, c.csvForCopy);
      const rss = process.resourceUsage().maxRSS / 1024;
      const { inserted, updated } = outcome.counts;
      console.log(
        `${c.name.padEnd(24)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(c.rows / seconds).toLocaleString("fr-FR").padStart(9)} lignes/s  ` +
          `créées ${inserted.toLocaleString("fr-FR")}, mises à jour ${updated.toLocaleString("fr-FR")}  COPY ${copySeconds.toFixed(1)} s  ` +
          `ratio ×${(seconds / copySeconds).toFixed(1)}  RSS max ${Math.round(rss)} Mo  charge ${load}`,
      );
      if (!c.intoLedger) await db.execute(sql`delete from documents where client_id in (select id from clients where entity_id = ${bench.id})`);
    }
  } finally {
    await db.execute(sql`delete from clients where entity_id in (select id from entities where code = 'BENCH')`);
    await db.execute(sql`delete from entities where code = 'BENCH'`);
    // A million open pièces written then deleted leave the open pièces' indexes a hundred times their size (the
    // Pièces totals' index went from 10 Mo to 1,3 Go, the page from 90 to 400 ms): the pages measured next
    // would pay for the benchmark, not the product.
    await db.execute(sql`reindex table documents`);
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
