import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { listClientTimeline } from "@/db/queries/client-timeline";
import { loadScope } from "@/db/queries/scope";
import { actionDocuments, actions, contacts, outboundMessages, promiseDocuments, promises, templates } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { logUnplannedCall } from "@/lib/collection/unplanned-call";
import { plainTextToHtml, previewClientEmail, sendClientEmail } from "./client-email";
import { issueStatement, STATEMENT_DOWNLOADED } from "./client-statement";
import { type EmailMessage, type EmailProvider, outboxSms } from "./providers";
import { pdfText } from "./test-fixtures";

const today = "2026-12-04";
let handle: DatabaseHandle;
let alice: Scope;
let bruno: Scope;
let clientId: string;
const docs: Record<string, number> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const a = await makeUser(db, "collector", { name: "Alice Martin" });
  const b = await makeUser(db, "collector", { name: "Bruno Petit" });
  alice = (await loadScope(db, a.id, today))!;
  bruno = (await loadScope(db, b.id, today))!;
  const client = await makeClient(db, entity.id, { collectorId: a.id, address: "8 quai Perrache", postalCode: "69002", city: "Lyon" });
  const other = await makeClient(db, entity.id, { collectorId: b.id });
  clientId = client.id;
  await db.insert(contacts).values({ clientId, name: "Durand", civility: "Monsieur", role: "facturation", email: "compta@durand.fr" });
  const make = async (key: string, values: Parameters<typeof makeDocument>[2], owner = clientId) => {
    docs[key] = (await makeDocument(db, owner, { number: key, ...values })).id;
  };
  // Open on 4 December 2026: F1 and F2 due before (échu), F3 after (non échu), the credit note due before (échu).
  await make("F1", { amount: "1200.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  await make("F2", { amount: "800.00", openAmount: "350.50", issueDate: "2026-10-21", dueDate: "2026-11-20" });
  await make("F3", { amount: "2000.00", issueDate: "2026-12-01", dueDate: "2026-12-31" });
  await make("AV1", { type: "credit_note", amount: "-150.00", issueDate: "2026-10-15", dueDate: "2026-10-15" });
  await make("F0", { amount: "500.00", openAmount: "0", status: "settled", settledDate: "2026-11-02", issueDate: "2026-08-01", dueDate: "2026-09-01" });
  await make("X1", { amount: "999.00", issueDate: "2026-09-01", dueDate: "2026-10-01" }, other.id);
});
afterAll(() => handle.close());

const actionRow = async (id: string) => (await handle.db.select().from(actions).where(eq(actions.id, id)))[0];
const coveredNumbers = async (id: string) =>
  (await queryRows<{ number: string }>(handle.db, sql`select d.number from action_documents ad join documents d on d.id = ad.document_id where ad.action_id = ${id} order by d.number`)).map((r) => r.number);

function countingProvider() {
  const sent: EmailMessage[] = [];
  const provider: EmailProvider = { name: "test", send: async (message) => (sent.push(message), { status: "sent", providerMessageId: `m-${sent.length}` }) };
  return { sent, providers: { email: provider, sms: outboxSms } };
}

describe("an unplanned call logged from the fiche", () => {
  it("records a manual call done with its promise on the chosen open documents, once, and shows both in the history", async () => {
    const id = randomUUID();
    const call = {
      id,
      clientId,
      // X1 belongs to another client and F0 is settled: neither can be promised here.
      documentIds: [docs.F1, docs.F2, docs.X1, docs.F0],
      completion: { outcome: "promise" as const, note: "Paiement annoncé par virement", promise: { date: "2026-12-15", amount: "1550.50" } },
    };
    expect(await logUnplannedCall(handle.db, alice, call, today)).toEqual({ status: "ok" });

    const action = await actionRow(id);
    expect(action).toMatchObject({ type: "call", mode: "manual", status: "done", outcome: "promise", note: "Paiement annoncé par virement", plannedDate: today, doneById: alice.userId, stepId: null });
    expect(action.doneAt).not.toBeNull();
    // 1 200,00 + 350,50 open on the two documents covered.
    expect(action.amountCovered).toBe("1550.50");
    expect(await coveredNumbers(id)).toEqual(["F1", "F2"]);
    const [promise] = await handle.db.select().from(promises).where(eq(promises.actionId, id));
    expect(promise).toMatchObject({ clientId, promisedDate: "2026-12-15", amount: "1550.50", status: "pending", createdById: alice.userId });
    const promised = await handle.db.select({ documentId: promiseDocuments.documentId }).from(promiseDocuments).where(eq(promiseDocuments.promiseId, promise.id));
    expect(promised.map((p) => p.documentId).sort()).toEqual([docs.F1, docs.F2].sort());

    // The same form sent again records nothing more.
    expect(await logUnplannedCall(handle.db, alice, call, today)).toEqual({ status: "exists" });
    expect(await handle.db.select().from(promises).where(eq(promises.actionId, id))).toHaveLength(1);

    const timeline = await listClientTimeline(handle.db, alice, clientId);
    expect(timeline.find((e) => e.key === `action:${id}`)).toMatchObject({ kind: "action", subject: "call", status: "done", body: "promise", actor: "Alice Martin" });
    expect(timeline.find((e) => e.key === `promise:${promise.id}`)).toMatchObject({ kind: "promise", amount: "1550.50", date: "2026-12-15" });
  });

  it("opens a dispute on the chosen documents, and refuses a promise on nothing open or a client out of scope", async () => {
    const id = randomUUID();
    const dispute = { outcome: "dispute" as const, note: null, dispute: { reason: "Livraison incomplète", documentIds: [] } };
    expect(await logUnplannedCall(handle.db, alice, { id, clientId, documentIds: [docs.F3], completion: dispute }, today)).toEqual({ status: "ok" });
    const opened = await queryRows<{ number: string; reason: string }>(handle.db, sql`select d.number, ds.reason from disputes ds join dispute_documents dd on dd.dispute_id = ds.id join documents d on d.id = dd.document_id where ds.client_id = ${clientId}`);
    expect(opened).toEqual([{ number: "F3", reason: "Livraison incomplète" }]);

    const promise = { outcome: "promise" as const, note: null, promise: { date: "2026-12-20", amount: "100.00" } };
    const nothing = randomUUID();
    expect(await logUnplannedCall(handle.db, alice, { id: nothing, clientId, documentIds: [docs.X1], completion: promise }, today)).toEqual({ status: "no_document" });
    expect(await actionRow(nothing)).toBeUndefined();
    const outside = randomUUID();
    expect(await logUnplannedCall(handle.db, bruno, { id: outside, clientId, documentIds: [docs.F1], completion: promise }, today)).toEqual({ status: "not_found" });
    expect(await actionRow(outside)).toBeUndefined();
  });
});

describe("an e-mail sent from the fiche", () => {
  const message = {
    subject: "Vos factures – {{client.raison_sociale}}",
    body: plainTextToHtml("Bonjour,\n\nVoici les pièces dont nous parlions.\n\n{{pieces.tableau}}\n\nCordialement,\nAlice"),
    attachments: { documentList: "pdf" as const },
  };

  it("previews what would go out without keeping anything", async () => {
    const before = await handle.db.$count(actions);
    const preview = await previewClientEmail(handle.db, alice, { clientId, documents: [docs.F1, docs.F2], message }, today);
    expect(preview).toMatchObject({ ok: true, recipient: "compta@durand.fr", attachments: [{ fileName: expect.stringMatching(/^releve-C\d+-2026-12-04\.pdf$/) }] });
    expect(preview?.ok && preview.html).toContain("F2");
    expect(await handle.db.$count(actions)).toBe(before);
    expect(await previewClientEmail(handle.db, bruno, { clientId, documents: [docs.F1], message }, today)).toBeNull();
  });

  it("sends one message with the documents as PDF through the sending path, exactly once when the form is sent again", async () => {
    const { sent, providers } = countingProvider();
    const id = randomUUID();
    const email = { id, clientId, documents: [docs.F1, docs.F2], message };
    expect(await sendClientEmail(handle.db, alice, email, today, providers)).toEqual({ status: "sent", simulated: false });
    expect(await sendClientEmail(handle.db, alice, email, today, providers)).toEqual({ status: "already_sent", simulated: false });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ idempotencyKey: id, to: "compta@durand.fr", subject: expect.stringMatching(/^Vos factures – Client \d+ SAS$/) });
    expect(sent[0].attachments).toHaveLength(1);
    const listed = await pdfText(sent[0].attachments[0].content);
    expect(listed).toContain("F1");
    expect(listed).toContain("F2");
    expect(listed).not.toContain("F3");

    const outbound = await handle.db.select().from(outboundMessages).where(eq(outboundMessages.actionId, id));
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ channel: "email", status: "sent", recipient: "compta@durand.fr" });
    expect(outbound[0].attachments).toEqual([expect.objectContaining({ contentType: "application/pdf" })]);
    expect(await actionRow(id)).toMatchObject({ type: "email", mode: "manual", status: "sent", doneById: alice.userId });

    const timeline = await listClientTimeline(handle.db, alice, clientId);
    expect(timeline.find((e) => e.key === `action:${id}`)).toMatchObject({ subject: "email", status: "sent", body: sent[0].subject, actor: "Alice Martin" });
  });

  it("sends a template's text, and refuses a client out of scope", async () => {
    const [template] = await handle.db
      .insert(templates)
      .values({ channel: "email", name: "Relance fiche", subject: "Relance {{client.code}}", body: "<p>Reste dû : {{totaux.reste_du}}</p>" })
      .returning();
    const { sent, providers } = countingProvider();
    const email = { id: randomUUID(), clientId, documents: [docs.F1], message: { subject: template.subject!, body: template.body, attachments: {} } };
    expect(await sendClientEmail(handle.db, alice, email, today, providers)).toMatchObject({ status: "sent" });
    expect(sent[0].html).toMatch(/Reste dû : 1[\s\u00a0\u202f]200,00/);
    expect(sent[0].attachments).toEqual([]);
    const outside = { ...email, id: randomUUID() };
    expect(await sendClientEmail(handle.db, bruno, outside, today, providers)).toEqual({ status: "not_found" });
    expect(await actionRow(outside.id)).toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});

const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

describe("the statement of account", () => {
  it("lists the open items with their days late and the totals échu, non échu and total, and is recorded in the history", async () => {
    const id = randomUUID();
    const statement = await issueStatement(handle.db, alice, { id, clientId }, today);
    expect(statement?.fileName).toMatch(/^releve-de-compte-C\d+-2026-12-04\.pdf$/);
    const text = squash(await pdfText(statement!.pdf));

    expect(text).toContain("Relevé de compte au 04/12/2026");
    for (const number of ["F1", "F2", "F3", "AV1"]) expect(text).toContain(number);
    expect(text).not.toContain("F0");
    expect(text).not.toContain("X1");
    // F1 due 1 October: 30 days to 31 October, 30 in November, 4 in December → 64; F2 due 20 November → 14.
    expect(text).toMatch(/F1 01\/09\/2026 01\/10\/2026 1 200,00 € 1 200,00 € 64/);
    expect(text).toMatch(/F2 21\/10\/2026 20\/11\/2026 800,00 € 350,50 € 14/);
    // Échu: 1 200,00 + 350,50 − 150,00 = 1 400,50; non échu: F3, 2 000,00; total: 3 400,50.
    expect(text).toMatch(/Échu 1 400,50 €/);
    expect(text).toMatch(/Non échu 2 000,00 €/);
    expect(text).toMatch(/Total dû 3 400,50 €/);

    expect(await actionRow(id)).toMatchObject({ type: "letter", mode: "manual", status: "done", doneById: alice.userId, amountCovered: "3400.50" });
    expect(await coveredNumbers(id)).toEqual(["AV1", "F1", "F2", "F3"]);
    const timeline = await listClientTimeline(handle.db, alice, clientId);
    expect(timeline.find((e) => e.key === `action:${id}`)).toMatchObject({ subject: "letter", status: "done", body: "Relevé de compte au 04/12/2026", note: STATEMENT_DOWNLOADED });

    expect(await issueStatement(handle.db, bruno, { id: randomUUID(), clientId }, today)).toBeNull();
  });

  it("goes out attached to an e-mail covering every open document", async () => {
    const { sent, providers } = countingProvider();
    const email = {
      id: randomUUID(),
      clientId,
      documents: "all_open" as const,
      message: { subject: "Relevé de compte", body: plainTextToHtml("Bonjour,\n\nVeuillez trouver ci-joint votre relevé de compte."), attachments: { statement: "pdf" as const } },
    };
    expect(await sendClientEmail(handle.db, alice, email, today, providers)).toMatchObject({ status: "sent" });
    expect(sent[0].attachments.map((a) => a.fileName)).toEqual([expect.stringMatching(/^releve-de-compte-C\d+-2026-12-04\.pdf$/)]);
    const text = squash(await pdfText(sent[0].attachments[0].content));
    expect(text).toMatch(/Total dû 3 400,50 €/);
    expect(await handle.db.select().from(actionDocuments).where(eq(actionDocuments.actionId, email.id))).toHaveLength(4);
  });
});
