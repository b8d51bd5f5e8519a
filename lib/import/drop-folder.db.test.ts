import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { importDropFolder } from "./drop-folder";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-drop-"));
const put = (kind: string, name: string, text: string) => {
  fs.mkdirSync(path.join(dir, kind), { recursive: true });
  fs.writeFileSync(path.join(dir, kind, name), text);
};

beforeAll(async () => {
  handle = await createTestDatabase();
  await makeEntity(handle.db, "DIST");
});
afterAll(() => handle.close());

describe("drop folder", () => {
  it("imports clients before documents, then files each one as processed or refused", async () => {
    put("documents", "pieces.csv", "Code client;N° facture;Date facture;Échéance;Montant TTC\nK1;F1;01/10/2026;31/10/2026;100,00\n");
    put("documents", "vide.csv", "");
    put("clients", "clients.csv", "Code client;Raison sociale\nK1;Kappa SAS\n");

    const report = await importDropFolder(handle.db, dir, { mode: "snapshot", importDate: "2026-11-23" });
    expect(report[0]).toMatchObject({ kind: "clients", file: "clients.csv", status: "succeeded" });
    expect(report.slice(1).map((r) => [r.file, r.status]).sort()).toEqual([
      ["pieces.csv", "succeeded"],
      ["vide.csv", "failed"],
    ]);
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from documents`);
    expect(n).toBe(1);
    expect(fs.readdirSync(path.join(dir, "documents", "traites")).some((f) => f.endsWith("pieces.csv"))).toBe(true);
    expect(fs.readdirSync(path.join(dir, "documents", "refuses")).some((f) => f.endsWith("vide.csv"))).toBe(true);

    expect(await importDropFolder(handle.db, dir, { mode: "snapshot", importDate: "2026-11-23" })).toEqual([]);
  });

  it("imports payments after the documents they pay", async () => {
    put("payments", "reglements.csv", "Code client;N° facture;Date de règlement;Montant\nK1;F2;05/11/2026;40,00\n");
    put("documents", "pieces-2.csv", "Code client;N° facture;Date facture;Échéance;Montant TTC\nK1;F2;02/10/2026;01/11/2026;100,00\n");
    const report = await importDropFolder(handle.db, dir, { mode: "incremental", importDate: "2026-11-24" });
    expect(report.map((r) => [r.kind, r.status])).toEqual([
      ["documents", "succeeded"],
      ["payments", "succeeded"],
    ]);
    // F2 of 100,00 less the 40,00 paid.
    const [f2] = await queryRows<{ open: string }>(handle.db, sql`select open_amount::text as open from documents where number = 'F2'`);
    expect(f2.open).toBe("60.00");
  });
});
