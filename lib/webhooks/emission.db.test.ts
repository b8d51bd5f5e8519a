/**
 * Every place an event happens writes its webhook event, through the real code path: sending an action, a
 * dispute opened or resolved (by hand and by an import), an import finished or failed, a payment received.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { updateDisputeCase } from "@/db/queries/dispute-writes";
import { closeDisputes, openDisputeCase } from "@/db/queries/disputes";
import { failStaleImports } from "@/db/queries/imports";
import { imports } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { type ImportRequest, runImport } from "@/lib/import/run-import";
import { type EmailProvider, outboxEmail, outboxSms } from "@/lib/outbound/providers";
import { sendAction } from "@/lib/outbound/send-action";
import { makeDueAction, makeRecipientClient, makeSendingScenario } from "@/lib/outbound/test-fixtures";
import { clearWebhooks, payloadsOf, subscribe } from "./testing";

let handle: DatabaseHandle;
let admin: Scope;
/** The société of rows without a société code: the first one created. */
let defaultEntity: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-webhook-emission-"));
const date = "2026-11-23";
const instant = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  defaultEntity = (await makeEntity(handle.db, "MAIN")).id;
  const user = await makeUser(handle.db, "admin");
  admin = { userId: user.id, role: "admin", entityIds: [], collectorIds: [] };
});
afterAll(() => handle.close());
beforeEach(() => clearWebhooks(handle.db));

describe("actions", () => {
  it("action.sent when an automatic e-mail goes out", async () => {
    const { db } = handle;
    await subscribe(db, ["action.sent", "action.error"]);
    const scenario = await makeSendingScenario(db);
    const { client, document } = await makeRecipientClient(db);
    const action = await makeDueAction(db, { clientId: client.id, stepId: scenario.step("E-mail").id, type: "email", documentIds: [document.id] });
    expect(await sendAction(db, action.id, date, { email: outboxEmail, sms: outboxSms })).toMatchObject({ status: "sent" });
    expect((await payloadsOf(db, "action.sent")).map((e) => e.payload)).toEqual([
      {
        action_id: action.id, client_id: client.id, client_code: client.code, type: "email", channel: "email",
        planned_date: action.plannedDate, recipient: "compta@client.fr", error: null, occurred_at: instant,
      },
    ]);
    expect(await payloadsOf(db, "action.error")).toEqual([]);
  });

  it("action.error when the provider refuses it", async () => {
    const { db } = handle;
    await subscribe(db, ["action.error"]);
    const scenario = await makeSendingScenario(db);
    const { client, document } = await makeRecipientClient(db);
    const action = await makeDueAction(db, { clientId: client.id, stepId: scenario.step("E-mail").id, type: "email", documentIds: [document.id] });
    const refusing: EmailProvider = { name: "test", send: async () => ({ status: "refused", reason: "Adresse inconnue" }) };
    expect(await sendAction(db, action.id, date, { email: refusing, sms: outboxSms })).toEqual({ status: "error", reason: "Adresse inconnue" });
    expect((await payloadsOf(db, "action.error")).map((e) => e.payload)).toEqual([
      expect.objectContaining({ action_id: action.id, client_code: client.code, error: "Adresse inconnue", recipient: "compta@client.fr" }),
    ]);
  });
});

describe("disputes", () => {
  it("dispute.opened when a case is opened, dispute.resolved when it is resolved", async () => {
    const { db } = handle;
    await subscribe(db, ["dispute.opened", "dispute.resolved"]);
    const client = await makeClient(db, (await makeEntity(db)).id);
    const a = await makeDocument(db, client.id, { amount: "700.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
    const b = await makeDocument(db, client.id, { amount: "550.25", issueDate: "2026-09-02", dueDate: "2026-10-02" });
    const opened = await db.transaction((tx) => openDisputeCase(tx, admin, { clientId: client.id, documentIds: [b.id, a.id], reason: "Prix contesté", category: "prix" }));
    expect((await payloadsOf(db, "dispute.opened")).map((e) => e.payload)).toEqual([
      {
        dispute_id: opened!.id, client_id: client.id, client_code: client.code, status: "open", category: "prix",
        amount: "1250.25", outcome: null, reason: "Prix contesté", document_ids: [a.id, b.id], occurred_at: instant,
      },
    ]);

    // Moving between active statuses is not a resolution; leaving them is, once.
    await db.transaction((tx) => updateDisputeCase(tx, admin, opened!.id, { status: "in_progress" }, true));
    expect(await payloadsOf(db, "dispute.resolved")).toEqual([]);
    await db.transaction((tx) => updateDisputeCase(tx, admin, opened!.id, { status: "resolved", outcome: "avoir_emis" }, true));
    await db.transaction((tx) => updateDisputeCase(tx, admin, opened!.id, { resolutionNote: "Avoir AV-12" }, true));
    expect((await payloadsOf(db, "dispute.resolved")).map((e) => e.payload)).toEqual([
      expect.objectContaining({ dispute_id: opened!.id, status: "resolved", outcome: "avoir_emis", amount: "1250.25" }),
    ]);
  });

  it("dispute.resolved for each case closed from its pièces", async () => {
    const { db } = handle;
    await subscribe(db, ["dispute.resolved"]);
    const client = await makeClient(db, (await makeEntity(db)).id);
    const a = await makeDocument(db, client.id, { amount: "100.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
    const b = await makeDocument(db, client.id, { amount: "200.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
    const first = await openDisputeCase(db, admin, { clientId: client.id, documentIds: [a.id], reason: "Qualité" });
    const second = await openDisputeCase(db, admin, { clientId: client.id, documentIds: [b.id], reason: "Livraison" });
    expect(await db.transaction((tx) => closeDisputes(tx, admin, [a.id, b.id]))).toBe(2);
    const events = (await payloadsOf(db, "dispute.resolved")).map((e) => e.payload);
    expect(events.map((p) => [p.dispute_id, p.status]).sort()).toEqual([[first!.id, "closed"], [second!.id, "closed"]].sort());
  });
});

describe("imports", () => {
  const request = (file: string, lines: string[], extra: Partial<ImportRequest>): ImportRequest => {
    fs.writeFileSync(path.join(dir, file), lines.join("\n") + "\n");
    return { kind: "documents", filePath: path.join(dir, file), fileName: file, mode: "incremental", importDate: "2026-12-03", userId: admin.userId, acceptRowErrors: false, ...extra };
  };

  it("import.finished with its counts, and dispute.opened for each pièce the file flags, in one statement per kind", async () => {
    const { db } = handle;
    await subscribe(db, ["import.finished", "import.failed", "dispute.opened"]);
    const client = await makeClient(db, defaultEntity, { code: "WH-1" });
    const outcome = await runImport(
      db,
      request("flagged.csv", [
        "customerID,invoiceNumber,invoiceDate,dueDate,invoiceAmount,Disputed",
        "WH-1,9001,10/5/2026,11/4/2026,$1250.00,No",
        "WH-1,9002,10/20/2026,11/19/2026,$300.00,Yes",
        "WH-1,9003,10/21/2026,11/20/2026,$40.10,Yes",
      ], {}),
    );
    expect(outcome.message).toMatch(/^Import terminé/);
    expect((await payloadsOf(db, "import.finished")).map((e) => e.payload)).toEqual([
      {
        import_id: outcome.importId, kind: "documents", file_name: "flagged.csv", mode: "incremental", status: "succeeded", message: outcome.message,
        rows_read: 3, rows_inserted: 3, rows_updated: 0, rows_settled: 0, rows_rejected: 0, occurred_at: instant,
      },
    ]);
    expect(await payloadsOf(db, "import.failed")).toEqual([]);
    const disputes = (await payloadsOf(db, "dispute.opened")).map((e) => e.payload);
    expect(disputes.map((p) => [p.client_code, p.amount, p.status, p.reason]).sort()).toEqual([
      [client.code, "300.00", "open", "Litige signalé dans le fichier importé"],
      [client.code, "40.10", "open", "Litige signalé dans le fichier importé"],
    ]);
  });

  it("import.failed when the file is refused, and for an import found abandoned", async () => {
    const { db } = handle;
    await subscribe(db, ["import.finished", "import.failed"]);
    const outcome = await runImport(db, request("unknown.csv", ["customerID,invoiceNumber,invoiceDate,dueDate,invoiceAmount", "NOBODY,1,10/5/2026,11/4/2026,$10.00"], {}));
    expect(outcome.status).toBe("failed");
    expect((await payloadsOf(db, "import.failed")).map((e) => e.payload)).toEqual([
      expect.objectContaining({ import_id: outcome.importId, status: "failed", message: outcome.message, rows_read: 1, rows_rejected: 1 }),
    ]);

    const [stale] = await db
      .insert(imports)
      .values({ kind: "documents", fileName: "stale.csv", fileHash: "x", status: "running", startedAt: new Date("2026-01-01T00:00:00Z"), heartbeatAt: new Date("2026-01-01T00:00:00Z") })
      .returning();
    expect(await failStaleImports(db, { staleAfterMs: 60_000, message: "Import interrompu.", keep: [] })).toEqual([stale.id]);
    expect((await payloadsOf(db, "import.failed")).map((e) => e.payload.import_id)).toEqual([outcome.importId, stale.id]);
    expect(await payloadsOf(db, "import.finished")).toEqual([]);
  });

  it("payment.received for each new payment line of a documents file, once", async () => {
    const { db } = handle;
    await subscribe(db, ["payment.received"]);
    const client = await makeClient(db, defaultEntity, { code: "D-1" });
    const lines = ["Code client;Type;N° pièce;Date;Échéance;Montant;Reste dû", "D-1;Facture;F-10;01/10/2026;31/10/2026;500,00;100,00", "D-1;Règlement;R-10;20/11/2026;20/11/2026;450,00;50,00"];
    const outcome = await runImport(db, request("ledger.csv", lines, {}));
    expect(outcome.message).toMatch(/^Import terminé/);
    const events = (await payloadsOf(db, "payment.received")).map((e) => e.payload);
    // The file lettered 400 of the 450 received: 50 stay open on the payment.
    expect(events).toEqual([
      {
        payment_id: expect.any(Number), number: "R-10", reference: null, client_id: client.id, client_code: "D-1", payment_date: "2026-11-20",
        amount: "450.00", applied: "400.00", unapplied: "50.00", allocations: [], import_id: outcome.importId, occurred_at: instant,
      },
    ]);
    await runImport(db, request("ledger.csv", lines, {}));
    expect(await payloadsOf(db, "payment.received")).toHaveLength(1);
  });

  it("payment.received once per payment of a payments file, with the pièces it paid", async () => {
    const { db } = handle;
    await subscribe(db, ["payment.received"]);
    const client = await makeClient(db, defaultEntity, { code: "P-1" });
    const fa1 = await makeDocument(db, client.id, { number: "FA1", amount: "300.00", issueDate: "2026-08-01", dueDate: "2026-09-01" });
    const fa2 = await makeDocument(db, client.id, { number: "FA2", amount: "1000.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
    const outcome = await runImport(
      db,
      request("payments.csv", ["Customer ID,Invoice Number,Payment Date,Amount Paid,Reference", "P-1,FA2,11/20/2026,400.00,VIR 1", "P-1,,11/21/2026,500.00,VIR 2"], { kind: "payments", mode: undefined }),
    );
    expect(outcome.message).toMatch(/^Import terminé/);
    const events = (await payloadsOf(db, "payment.received")).map((e) => e.payload);
    const byReference = Object.fromEntries(events.map((p) => [p.reference as string, p]));
    // VIR 1 names FA2: 1 000 − 400 = 600 left. VIR 2 names none: 300 settle FA1 (oldest due), 200 go to FA2: 400 left.
    expect(byReference["VIR 1"]).toMatchObject({
      client_id: client.id, client_code: "P-1", payment_date: "2026-11-20", amount: "400.00", applied: "400.00", unapplied: "0.00", import_id: outcome.importId,
      allocations: [{ document_id: fa2.id, number: "FA2", type: "invoice", amount: "400.00", open_amount: "400.00", settled: false }],
      occurred_at: instant,
    });
    expect(byReference["VIR 2"]).toMatchObject({
      amount: "500.00", applied: "500.00", unapplied: "0.00",
      allocations: [
        { document_id: fa1.id, number: "FA1", type: "invoice", amount: "300.00", open_amount: "0.00", settled: true },
        { document_id: fa2.id, number: "FA2", type: "invoice", amount: "200.00", open_amount: "400.00", settled: false },
      ],
    });
    expect(events).toHaveLength(2);
    // Imported again, the same payments are recognised: nothing is applied, nothing is emitted.
    await runImport(db, request("payments.csv", ["Customer ID,Invoice Number,Payment Date,Amount Paid,Reference", "P-1,FA2,11/20/2026,400.00,VIR 1", "P-1,,11/21/2026,500.00,VIR 2"], { kind: "payments", mode: undefined }));
    expect(await payloadsOf(db, "payment.received")).toHaveLength(2);
    expect((await db.select().from(imports).where(eq(imports.id, outcome.importId)))[0].status).toBe("succeeded");
  });
});
