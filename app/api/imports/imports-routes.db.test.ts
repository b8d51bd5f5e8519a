import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { loadScope } from "@/db/queries/scope";

// The signed-in administrator; everything else (database, routes, validation) is real.
const signedIn = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/session", async () => {
  const { NextResponse } = await import("next/server");
  return {
    currentUser: async () => signedIn.current,
    userForRoute: async () =>
      signedIn.current ? { ...(signedIn.current as object), denied: null } : { denied: NextResponse.json({}, { status: 401 }) },
  };
});

const { POST: analyze } = await import("./analyze/route");
const { GET: status } = await import("./[id]/status/route");
const { GET: errors } = await import("./[id]/errors/route");
const { commitImportAction } = await import("@/app/(app)/import/actions");
const { runImport } = await import("@/lib/import/run-import");
const { storageFor } = await import("@/lib/storage");

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await makeEntity(handle.db, "DIST");
  const user = await makeUser(handle.db, "admin");
  const scope = await loadScope(handle.db, user.id, "2026-11-23", 0);
  signedIn.current = { db: handle.db, scope, user };
});
afterAll(() => handle.close());

/** A multipart POST as a browser sends it, Content-Length included. */
async function multipart(fields: Record<string, string | File>): Promise<Request> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const encoded = new Request("http://localhost/api/imports/analyze", { method: "POST", body: form });
  const body = await encoded.arrayBuffer();
  return new Request(encoded.url, {
    method: "POST",
    body,
    headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(body.byteLength) },
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("import routes refuse malformed requests with a French 4xx", () => {
  it("refuses an upload declared too large before reading its body", async () => {
    let read = false;
    const body = new ReadableStream({
      pull() {
        read = true;
        throw new Error("body read");
      },
    }, { highWaterMark: 0 });
    const request = new Request("http://localhost/api/imports/analyze", {
      method: "POST", body, duplex: "half", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(500 * 1024 ** 3) },
    } as RequestInit);
    const response = await analyze(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/^Fichier trop volumineux : \d+ Mo au maximum\.$/);
    expect(read).toBe(false);
  });

  it("asks for the size when the request does not declare it", async () => {
    const request = new Request("http://localhost/api/imports/analyze", { method: "POST", body: "x" });
    const response = await analyze(request);
    expect(response.status).toBe(411);
    expect((await response.json()).error).toContain("Taille de l'envoi inconnue");
  });

  it("says « fichier vide » for a 0-byte upload", async () => {
    const response = await analyze(await multipart({ kind: "documents", file: new File([], "pieces.csv") }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain("Fichier vide");
  });

  it("answers 400 to a body that is not a form, to bad JSON and to missing or wrong fields", async () => {
    const json = new Request("http://localhost/api/imports/analyze", {
      method: "POST", body: "{pas du json", headers: { "content-type": "application/json", "content-length": "12" },
    });
    const cases = [
      json,
      await multipart({ kind: "documents", mapping: "{pas du json" }),
      await multipart({ file: new File(["a;b\n"], "f.csv") }),
      await multipart({ kind: "factures" }),
      await multipart({ kind: "documents", uploadId: "../../etc/passwd" }),
      await multipart({ kind: "documents", headerRow: "-3" }),
    ];
    for (const request of cases) {
      const response = await analyze(request);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/invalides|illisible/);
    }
    const none = await analyze(await multipart({ kind: "documents", file: new File([], "") }));
    expect(none.status).toBe(400);
    expect((await none.json()).error).toBe("Choisissez un fichier à importer.");
  });

  it("answers 404 in French for an import id that is not one", async () => {
    for (const id of ["abc", "00000000-0000-0000-0000-000000000000", "%00"]) {
      for (const route of [status, errors]) {
        const response = await route(new Request("http://localhost/"), params(id));
        expect(response.status).toBe(404);
        expect((await response.json()).error).toBe("Import introuvable.");
      }
    }
  });

  it("returns the commit action's errors instead of throwing", async () => {
    const missing = await commitImportAction(null, {} as never);
    expect(missing).toMatchObject({ ok: false, error: "Certains champs sont invalides." });
    const wrong = await commitImportAction(null, "n'importe quoi" as never);
    expect(wrong).toMatchObject({ ok: false, error: "Certains champs sont invalides." });
    const unknown = await commitImportAction(null, {
      uploadId: "6b1d3a52-1111-4c1e-9d5c-000000000000", fileName: "f.csv", kind: "documents", mode: "incremental",
      acceptRowErrors: false, headerRow: 0, dateOrder: "dmy", mapping: {},
    });
    expect(unknown).toEqual({ ok: false, error: "Fichier expiré : déposez-le à nouveau." });
  });
});

describe("the errors' file of an import", () => {
  it("is served from the files' storage, and rebuilt from the history when the storage lost it", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-errors-route-")), "pieces.csv");
    fs.writeFileSync(file, "Code client;N° facture;Date facture;Échéance;Montant TTC\r\nINCONNU;F1;02/11/2026;02/12/2026;10,00\r\n");
    const outcome = await runImport(handle.db, {
      kind: "documents", filePath: file, fileName: "pieces.csv", mode: "incremental", importDate: "2026-11-23", userId: null, acceptRowErrors: false,
    });
    // An unknown client: refused, with its row error.
    expect(outcome.status).toBe("failed");
    const rows = async () => {
      const response = await errors(new Request("http://localhost/"), params(outcome.importId));
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      return workbook.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[])[1]);
    };
    expect(await rows()).toEqual([2]);
    // In the storage every instance reads, not on the disk of the one that ran the import.
    expect((await storageFor("files").get(`import-errors/${outcome.importId}.xlsx`))?.size).toBeGreaterThan(0);
    await storageFor("files").delete(`import-errors/${outcome.importId}.xlsx`);
    expect(await storageFor("files").get(`import-errors/${outcome.importId}.xlsx`)).toBeNull();
    expect(await rows()).toEqual([2]);
  });
});
