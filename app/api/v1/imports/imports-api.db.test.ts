import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { saveImportProfile } from "@/db/queries/import-profiles";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import { profileFromMapping } from "@/lib/import/profiles";
import { GET as get } from "./[id]/route";
import { GET as list, POST as post } from "./route";

type Started = { id: string; status: string; status_url: string };
type Import = {
  id: string;
  kind: string;
  file_name: string;
  mode: string | null;
  status: string;
  message: string | null;
  progress: { rows_read: number; rows_total: number | null; percent: number | null };
  counts: { read: number; inserted: number; updated: number; settled: number; rejected: number };
  errors: { count: number; sample: { row: number; column: string; reason: string }[] };
};
type Page = { data: Import[]; next_cursor: string | null };
type Problem = { status: number; title: string; detail?: string; errors?: Record<string, string[]> };

const headers = ["Code client", "N° pièce", "Date pièce", "Échéance", "Montant"];
const csv = (rows: string[][]) => [headers, ...rows].map((r) => r.join(";")).join("\n") + "\n";
const good = csv([
  ["K-1", "F-100", "05/11/2026", "05/12/2026", "1200,50"],
  ["K-1", "F-101", "01/10/2026", "31/10/2026", "300,00"],
  ["K-2", "F-102", "15/10/2026", "14/11/2026", "99,50"],
]);

let handle: DatabaseHandle;
let profileId = "";
const tokens = { admin: "", adminReadOnly: "", collector: "" };

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db, "DIST");
  await makeClient(db, entity.id, { code: "K-1" });
  await makeClient(db, entity.id, { code: "K-2" });
  await saveImportProfile(db, {
    name: "Balance ERP",
    kind: "documents",
    mapping: profileFromMapping(headers, { 0: "clientCode", 1: "number", 2: "issueDate", 3: "dueDate", 4: "amount" }),
    settings: { separator: ";", dateOrder: "dmy", mode: "incremental" },
  });
  [{ id: profileId }] = await queryRows<{ id: string }>(db, sql`select id from import_profiles where name = 'Balance ERP'`);
  const admin = await makeUser(db, "admin");
  const collector = await makeUser(db, "collector");
  tokens.admin = await makeApiKey(db, admin.id);
  tokens.adminReadOnly = await makeApiKey(db, admin.id, { readOnly: true });
  tokens.collector = await makeApiKey(db, collector.id);
});
afterAll(() => handle.close());

function upload(fields: Record<string, string | File>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const send = (form: FormData, token: string, headers: Record<string, string> = {}) => callApi(post, "POST", "/api/v1/imports", { token, form, headers });

/** Reads the import until it stops running, as a client polling `status_url` would. */
async function finished(id: string): Promise<Import> {
  for (let i = 0; i < 300; i++) {
    const body = await expectContract<Import>(await callApi(get, "GET", `/api/v1/imports/${id}`, { token: tokens.admin, params: { id } }), "GET", "/imports/{id}");
    if (body.status !== "running" && body.status !== "pending") return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} toujours en cours`);
}

describe("POST /imports then GET /imports/{id}", () => {
  it("imports a CSV with a saved profile in the background, and replays an idempotent upload", async () => {
    const form = () => upload({ file: new File([good], "balance.csv", { type: "text/csv" }), profile: "Balance ERP" });
    const response = await send(form(), tokens.admin, { "Idempotency-Key": "balance-du-jour" });
    const started = await expectContract<Started>(response, "POST", "/imports");
    expect(response.status).toBe(202);
    expect(started.status_url).toBe(`/api/v1/imports/${started.id}`);
    expect(response.headers.get("location")).toBe(started.status_url);

    const done = await finished(started.id);
    expect(done).toMatchObject({
      kind: "documents",
      file_name: "balance.csv",
      mode: "incremental",
      status: "succeeded",
      counts: { read: 3, inserted: 3, updated: 0, settled: 0, rejected: 0 },
      errors: { count: 0, sample: [] },
    });
    expect(done.progress.percent).toBe(100);
    const documents = await queryRows<{ code: string; number: string; due: string; open: string }>(
      handle.db,
      sql`select c.code, d.number, d.due_date::text as due, d.open_amount::text as open
          from documents d join clients c on c.id = d.client_id order by d.number`,
    );
    expect(documents).toEqual([
      { code: "K-1", number: "F-100", due: "2026-12-05", open: "1200.50" },
      { code: "K-1", number: "F-101", due: "2026-10-31", open: "300.00" },
      { code: "K-2", number: "F-102", due: "2026-11-14", open: "99.50" },
    ]);
    // The import's snapshot carried the balances to the clients: K-1 1 200,50 + 300, K-2 99,50.
    const balances = await queryRows<{ code: string; outstanding: string }>(handle.db, sql`select code, outstanding::text from clients order by code`);
    expect(balances).toEqual([{ code: "K-1", outstanding: "1500.50" }, { code: "K-2", outstanding: "99.50" }]);

    const replay = await send(form(), tokens.admin, { "Idempotency-Key": "balance-du-jour" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await expectContract<Started>(replay, "POST", "/imports")).id).toBe(started.id);
    const [{ count }] = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from imports`);
    expect(count).toBe(1);

    // The same key with another file is another request, not a replay of the first one's answer.
    const other = upload({ file: new File([good.replace("1200,50", "1300,50")], "balance.csv", { type: "text/csv" }), profile: "Balance ERP" });
    const mismatch = await expectContract<Problem>(await send(other, tokens.admin, { "Idempotency-Key": "balance-du-jour" }), "POST", "/imports");
    expect(mismatch.status).toBe(422);
    expect(mismatch.detail).toMatch(/autre requête/);
  });

  it("reports a file the profile cannot read as failed, in French, without touching the data", async () => {
    const file = new File(["Référence;Libellé\nX;Y\n"], "mauvais.csv", { type: "text/csv" });
    const started = await expectContract<Started>(await send(upload({ file, profile: profileId }), tokens.admin), "POST", "/imports");
    const done = await finished(started.id);
    expect(done.status).toBe("failed");
    expect(done.message).toMatch(/[éè]/);
    expect(done.message).toMatch(/colonne|Colonne/);
    const [{ count }] = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from documents`);
    expect(count).toBe(3);
  });

  it("refuses a missing file, an unknown profile and a declared size over the limit", async () => {
    const noFile = await expectContract<Problem>(await send(upload({ profile: "Balance ERP" }), tokens.admin), "POST", "/imports");
    expect(noFile).toMatchObject({ status: 422, errors: { file: ["Fichier manquant."] } });
    const file = new File([good], "balance.csv");
    const unknown = await expectContract<Problem>(await send(upload({ file, profile: "Inconnu" }), tokens.admin), "POST", "/imports");
    expect(unknown.status).toBe(422);
    expect(unknown.errors?.profile?.[0]).toContain("Profil d'import inconnu : « Inconnu »");
    const badMode = await expectContract<Problem>(await send(upload({ file, profile: "Balance ERP", mode: "tout" }), tokens.admin), "POST", "/imports");
    expect(badMode.errors).toEqual({ mode: ["« snapshot » ou « incremental » attendu."] });

    let read = false;
    const body = new ReadableStream({ pull() { read = true; throw new Error("corps lu"); } }, { highWaterMark: 0 });
    const huge = new Request("http://encaisse.test/api/v1/imports", {
      method: "POST",
      body,
      duplex: "half",
      headers: { Authorization: `Bearer ${tokens.admin}`, "content-type": "multipart/form-data; boundary=x", "content-length": String(500 * 1024 ** 3) },
    } as RequestInit);
    const tooLarge = await expectContract<Problem>(await post(huge, { params: Promise.resolve({}) }), "POST", "/imports");
    expect(tooLarge).toMatchObject({ status: 413, title: "Fichier trop volumineux" });
    expect(tooLarge.detail).toMatch(/^Fichier trop volumineux : \d+ Mo au maximum\.$/);
    expect(read).toBe(false);
  });

  it("is for administrators: a collector's key and a read-only key are refused", async () => {
    const file = new File([good], "balance.csv");
    const collector = await expectContract<Problem>(await send(upload({ file, profile: "Balance ERP" }), tokens.collector), "POST", "/imports");
    expect(collector).toMatchObject({ status: 403, detail: "Votre rôle ne permet pas cette opération." });
    const readOnly = await expectContract<Problem>(await send(upload({ file, profile: "Balance ERP" }), tokens.adminReadOnly), "POST", "/imports");
    expect(readOnly).toMatchObject({ status: 403, detail: "Cette clé d'API est en lecture seule." });
    const listed = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/imports", { token: tokens.collector }), "GET", "/imports");
    expect(listed.status).toBe(403);
    const [{ id }] = await queryRows<{ id: string }>(handle.db, sql`select id from imports limit 1`);
    const one = await callApi(get, "GET", `/api/v1/imports/${id}`, { token: tokens.collector, params: { id } });
    expect((await expectContract<Problem>(one, "GET", "/imports/{id}")).status).toBe(403);
  });
});

describe("GET /imports", () => {
  it("walks the history newest first by cursor, and filters on the status", async () => {
    const first = await expectContract<Page>(await callApi(list, "GET", "/api/v1/imports?limit=1", { token: tokens.admin }), "GET", "/imports");
    expect(first.data.map((i) => i.file_name)).toEqual(["mauvais.csv"]);
    const second = await expectContract<Page>(
      await callApi(list, "GET", `/api/v1/imports?limit=1&cursor=${first.next_cursor}`, { token: tokens.admin }),
      "GET",
      "/imports",
    );
    expect(second.data.map((i) => i.file_name)).toEqual(["balance.csv"]);
    expect(second.next_cursor).toBeNull();
    const failed = await expectContract<Page>(await callApi(list, "GET", "/api/v1/imports?status=failed", { token: tokens.admin }), "GET", "/imports");
    expect(failed.data.map((i) => i.file_name)).toEqual(["mauvais.csv"]);
    const bad = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/imports?status=fini", { token: tokens.admin }), "GET", "/imports");
    expect(bad.status).toBe(422);
  });

  it("answers 404 for an import that does not exist", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const missing = await callApi(get, "GET", `/api/v1/imports/${id}`, { token: tokens.admin, params: { id } });
    expect((await expectContract<Problem>(missing, "GET", "/imports/{id}")).detail).toBe("Aucun import ne porte cet identifiant.");
  });
});
