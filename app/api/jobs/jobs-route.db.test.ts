import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, queryRows, setDatabase } from "@/db/client";
import { describeProcess } from "@/db/data-dir-lock";
import { makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";

// A data folder and a drop folder of this file's own, set before lib/env reads them.
const dirs = await vi.hoisted(async () => {
  const nodeFs = await import("node:fs");
  const nodeOs = await import("node:os");
  const nodePath = await import("node:path");
  const root = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "encaisse-jobs-"));
  const data = nodePath.join(root, "data");
  const drop = nodePath.join(root, "drop");
  nodeFs.mkdirSync(nodePath.join(data, "uploads"), { recursive: true });
  nodeFs.mkdirSync(drop, { recursive: true });
  process.env.DATA_DIR = data;
  process.env.IMPORT_DROP_DIR = drop;
  process.env.DATABASE_URL = "";
  return { root, data, drop, uploads: nodePath.join(data, "uploads") };
});

const { POST } = await import("./[id]/route");
const { runJobFromShell } = await import("@/inngest/shell");
const { importFileJob } = await import("@/inngest/functions/import-file");

const token = "jeton-de-test-jeton-de-test";
let handle: DatabaseHandle;
let server: http.Server;

/** Serves the route as the running app does, so the shell reaches it over HTTP. */
function serveRoute(): Promise<number> {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const id = req.url!.split("/").pop()!;
    const response = await POST(
      new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({ id }) },
    );
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  await makeEntity(handle.db, "DIST");
  const port = await serveRoute();
  // This process plays the server holding the embedded database.
  fs.writeFileSync(path.join(dirs.data, "server.json"), JSON.stringify({ pid: process.pid, port, token }));
  fs.writeFileSync(path.join(dirs.data, "pglite.lock"), describeProcess(process.pid));
});
afterAll(async () => {
  server.close();
  await handle.close();
  fs.rmSync(dirs.root, { recursive: true, force: true });
});

function post(id: string, body: string, headers: Record<string, string> = { "x-encaisse-token": token }) {
  return POST(new Request(`http://127.0.0.1/api/jobs/${id}`, { method: "POST", headers, body }), { params: Promise.resolve({ id }) });
}

const clientsCsv = (code: string) => `Code client;Raison sociale\n${code};Client ${code}\n`;
const importInput = (filePath: string) => JSON.stringify({ kind: "clients", filePath, fileName: "clients.csv", mode: "incremental" });

async function countClients(code: string) {
  const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from clients where code = ${code}`);
  return n;
}

describe("local job route", () => {
  it("refuses callers without the server's token", async () => {
    const response = await post("daily-snapshot", "{}", { "x-encaisse-token": "faux" });
    expect(response.status).toBe(403);
  });

  it("answers malformed bodies and inputs with a French 400", async () => {
    for (const body of ["{pas du json", "[]", "null", "42"]) {
      const response = await post("import-file", body);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe("Requête invalide : le corps doit être un objet JSON.");
    }
    fs.writeFileSync(path.join(dirs.uploads, "ok.csv"), clientsCsv("K0"));
    const wrong = await post("import-file", JSON.stringify({ kind: "factures", filePath: path.join(dirs.uploads, "ok.csv") }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe("Données invalides pour ce traitement : kind, fileName.");
  });

  it("refuses files outside the uploads and drop folders, through .. or a symbolic link", async () => {
    const outside = path.join(dirs.root, "ailleurs.csv");
    fs.writeFileSync(outside, clientsCsv("K9"));
    fs.symlinkSync(outside, path.join(dirs.uploads, "lien.csv"));
    fs.symlinkSync(dirs.root, path.join(dirs.drop, "clients"));
    const paths = [
      outside,
      "/etc/passwd",
      path.join(dirs.uploads, "..", "..", "ailleurs.csv"),
      path.join(dirs.uploads, "lien.csv"),
      path.join(dirs.drop, "clients", "ailleurs.csv"),
      "ailleurs.csv",
      path.join(dirs.uploads, "absent.csv"),
      `${dirs.uploads}-voisin/x.csv`,
      dirs.uploads,
    ];
    for (const filePath of [...paths.map((p) => importInput(p)), JSON.stringify({ kind: "clients", filePath: 3, fileName: "x" })]) {
      const response = await post("import-file", filePath);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/^Fichier refusé : seuls les fichiers du dossier des envois et du dossier de dépôt/);
    }
    expect(await countClients("K9")).toBe(0);
  });

  it("imports a file of the uploads folder or of the drop folder", async () => {
    fs.writeFileSync(path.join(dirs.uploads, "u.csv"), clientsCsv("K1"));
    fs.writeFileSync(path.join(dirs.drop, "d.csv"), clientsCsv("K2"));
    for (const file of [path.join(dirs.uploads, "u.csv"), path.join(dirs.drop, "d.csv")]) {
      const response = await post("import-file", importInput(file));
      expect(response.status).toBe(200);
      expect((await response.json()).result.status).toBe("succeeded");
    }
    expect([await countClients("K1"), await countClients("K2")]).toEqual([1, 1]);
  });

  it("lets the shell import a file from anywhere by sending a copy through the uploads folder", async () => {
    const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-ailleurs-")), "clients.csv");
    fs.writeFileSync(elsewhere, clientsCsv("K3"));
    const before = fs.readdirSync(dirs.uploads);
    const outcome = (await runJobFromShell(importFileJob, JSON.parse(importInput(elsewhere)))) as { status: string };
    expect(outcome.status).toBe("succeeded");
    expect(await countClients("K3")).toBe(1);
    expect(fs.existsSync(elsewhere)).toBe(true);
    expect(fs.readdirSync(dirs.uploads)).toEqual(before);
    await expect(runJobFromShell(importFileJob, JSON.parse(importInput(path.dirname(elsewhere))))).rejects.toThrow("n'est pas un fichier lisible.");
  });
});
