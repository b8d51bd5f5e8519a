/**
 * `npm run bench:import` (PostgreSQL at DATABASE_URL): imports a generated 1 000 000-row pièces CSV (semicolon,
 * Windows-1252, French numbers and dates) and a 100 000-row pièces xlsx, and prints time, rows/s, peak RSS and
 * the ratio to a plain COPY of the same rows into an unindexed table. Works in its own société "BENCH",
 * removed at the end.
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
import { env } from "@/lib/env";
import { runImport } from "@/lib/import/run-import";

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

    const cases: { name: string; rows: number; file: string; make: () => Promise<void> | void; csvForCopy: string }[] = [
      { name: "CSV 1 000 000 lignes", rows: 1_000_000, file: path.join(dir, "pieces.csv"), make: () => writeCsv(path.join(dir, "pieces.csv"), 1_000_000), csvForCopy: path.join(dir, "pieces.csv") },
      { name: "XLSX 100 000 lignes", rows: 100_000, file: path.join(dir, "pieces.xlsx"), make: async () => { await writeXlsx(path.join(dir, "pieces.xlsx"), 100_000); writeCsv(path.join(dir, "pieces-100k.csv"), 100_000); }, csvForCopy: path.join(dir, "pieces-100k.csv") },
    ];
    for (const c of cases) {
      await c.make();
      const started = performance.now();
      const outcome = await runImport(db, {
        kind: "documents", filePath: c.file, fileName: path.basename(c.file), mode: "incremental",
        importDate: "2026-11-23", userId: null, acceptRowErrors: false,
      });
      const seconds = (performance.now() - started) / 1000;
      if (outcome.status !== "succeeded") throw new Error(`${c.name} : ${outcome.message}`);
      const copySeconds = await copyBaseline(env.DATABASE_URL, c.csvForCopy);
      const rss = process.resourceUsage().maxRSS / 1024;
      console.log(
        `${c.name.padEnd(22)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(c.rows / seconds).toLocaleString("fr-FR").padStart(9)} lignes/s  ` +
          `créées ${outcome.counts.inserted.toLocaleString("fr-FR")}  COPY ${copySeconds.toFixed(1)} s  ratio ×${(seconds / copySeconds).toFixed(1)}  RSS max ${Math.round(rss)} Mo`,
      );
      await db.execute(sql`delete from documents where client_id in (select id from clients where entity_id = ${bench.id})`);
    }
  } finally {
    await db.execute(sql`delete from clients where entity_id in (select id from entities where code = 'BENCH')`);
    await db.execute(sql`delete from entities where code = 'BENCH'`);
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
