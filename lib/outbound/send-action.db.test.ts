import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows, setDatabase } from "@/db/client";
import { loadActionForSending } from "@/db/queries/action-sending";
import { actions, clients, contacts, outboundMessages } from "@/db/schema";
import { makeDocument, makeUser } from "@/db/test-builders";
import type { Scope } from "@/lib/auth/scope";
import { createTestDatabase } from "@/db/testing";
import { runJobInProcess } from "@/inngest/runner";
import { dispatchDueActions, sendActionJob } from "@/inngest/functions/send-action";
import { type EmailProvider, outboxEmail, outboxSms, TransientSendError } from "./providers";
import { listBatchLetters } from "@/db/queries/outbound";
import { renderPrintBatch } from "./print-batch";
import { sendAction } from "./send-action";
import { makeDueAction, makeRecipientClient, makeSendingScenario, pdfText } from "./test-fixtures";

let handle: DatabaseHandle;
let scenario: Awaited<ReturnType<typeof makeSendingScenario>>;
const date = "2026-11-23";

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  scenario = await makeSendingScenario(handle.db);
});
afterAll(() => handle.close());

const actionRow = async (id: string) => (await handle.db.select().from(actions).where(eq(actions.id, id)))[0];
const outbound = (id: string) => handle.db.select().from(outboundMessages).where(eq(outboundMessages.actionId, id));

async function dueAction(label: string, type: Parameters<typeof makeDueAction>[1]["type"], contact = {}, client = {}) {
  const { client: c, document } = await makeRecipientClient(handle.db, contact, client);
  const action = await makeDueAction(handle.db, { clientId: c.id, stepId: scenario.step(label).id, type, documentIds: [document.id] });
  return { action, client: c, document };
}

/** An e-mail provider that counts its calls and takes its time, so that racing workers overlap. */
function countingProvider(delayMs = 0) {
  const calls: string[] = [];
  const provider: EmailProvider = {
    name: "test",
    async send(message) {
      calls.push(message.to);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { status: "sent", providerMessageId: `msg-${calls.length}` };
    },
  };
  return { calls, provider };
}

describe("sending an action", () => {
  it("sends a due e-mail once to the billing contact, keeps its rendering and records it in the outbox", async () => {
    const { action, document } = await dueAction("E-mail", "email");
    const first = await sendAction(handle.db, action.id, date, { email: outboxEmail, sms: outboxSms });
    expect(first).toMatchObject({ status: "sent", channel: "email" });

    const sent = await actionRow(action.id);
    expect(sent.status).toBe("sent");
    expect(sent.sentAt).not.toBeNull();
    expect(sent.renderedSubject).toMatch(/^Factures échues – Client \d+ SAS$/);
    expect(sent.renderedBody).toContain(document.number);
    const [message] = await outbound(action.id);
    expect(message).toMatchObject({ channel: "email", recipient: "compta@client.fr", provider: "outbox", status: "sent", subject: sent.renderedSubject });
    expect(message.body).toContain("<!doctype html>");
    expect(message.attachments).toEqual([expect.objectContaining({ contentType: "application/pdf", fileName: expect.stringMatching(/^releve-C\d+-2026-11-23\.pdf$/) })]);

    expect(await sendAction(handle.db, action.id, date, { email: outboxEmail, sms: outboxSms })).toEqual({ status: "skipped" });
    expect(await outbound(action.id)).toHaveLength(1);
  });

  it("sends once when the job runs twice", async () => {
    const { action } = await dueAction("E-mail", "email");
    const results = [await runJobInProcess(sendActionJob, { actionId: action.id, date }), await runJobInProcess(sendActionJob, { actionId: action.id, date })];
    expect(results.map((r) => r.status)).toEqual(["sent", "skipped"]);
    expect(await outbound(action.id)).toHaveLength(1);
  });

  it("leaves actions not scheduled or not yet due alone", async () => {
    const { client, document } = await makeRecipientClient(handle.db);
    const toConfirm = await makeDueAction(handle.db, { clientId: client.id, stepId: scenario.step("E-mail").id, type: "email", documentIds: [document.id], status: "to_confirm" });
    const future = await makeDueAction(handle.db, { clientId: client.id, stepId: scenario.step("SMS").id, type: "sms", documentIds: [document.id], plannedDate: "2026-11-24" });
    for (const a of [toConfirm, future]) expect(await sendAction(handle.db, a.id, date)).toEqual({ status: "skipped" });
    expect((await actionRow(toConfirm.id)).status).toBe("to_confirm");
    expect((await actionRow(future.id)).status).toBe("scheduled");
  });

  it("puts the action in error with the French reason when something is missing", async () => {
    const noEmail = await dueAction("E-mail", "email", { email: null });
    const noMobile = await dueAction("SMS", "sms", { mobile: null });
    const noAddress = await dueAction("Courrier", "letter", {}, { address: null });
    const noTemplate = await dueAction("Sans modèle", "email");
    const expected = [
      [noEmail, "Aucune adresse e-mail pour le contact de facturation"],
      [noMobile, "Aucun numéro de mobile pour le contact de facturation"],
      [noAddress, "Aucune adresse postale pour le client"],
      [noTemplate, "Aucun modèle pour cette étape"],
    ] as const;
    for (const [{ action }, reason] of expected) {
      expect(await sendAction(handle.db, action.id, date)).toEqual({ status: "error", reason });
      expect(await actionRow(action.id)).toMatchObject({ status: "error", errorMessage: reason, sentAt: null });
      expect(await outbound(action.id)).toEqual([]);
    }
  });

  it("writes to the recipient contact of the step's role, and sends the SMS text to the mobile", async () => {
    const { action, client } = await dueAction("SMS", "sms", { mobile: "+33 7 00 00 00 01" });
    await handle.db.insert(contacts).values({ clientId: client.id, name: "Direction", role: "direction", mobile: "06 99 99 99 99", recipientFor: ["sms"] });
    await sendAction(handle.db, action.id, date);
    const [message] = await outbound(action.id);
    expect(message).toMatchObject({ channel: "sms", recipient: "+33 7 00 00 00 01", subject: null, provider: "outbox" });
    expect(message.body).toBe(`${client.name} : 1 500,00 € à régler.`);
    expect((await actionRow(action.id)).renderedBody).toBe(message.body);
  });

  it("renders a formal notice as a registered letter PDF in the day's print batch", async () => {
    const { action, document, client } = await dueAction("Mise en demeure", "formal_notice");
    await sendAction(handle.db, action.id, date);
    const [message] = await outbound(action.id);
    expect(message).toMatchObject({ channel: "letter", batchDate: date, status: "sent", recipient: "12 rue des Lilas, 69003 Lyon" });
    const text = await pdfText(message.pdf!);
    expect(text).toContain("Lettre recommandée avec accusé de réception");
    expect(text).toContain(client.name);
    expect(text).toContain(document.number);
    expect((await actionRow(action.id)).renderedPdfPath).toBe(`/relance/actions/${action.id}/apercu`);
  });

  it("leaves the action scheduled and records nothing when the provider fails for now", async () => {
    const { action } = await dueAction("E-mail", "email");
    const failing: EmailProvider = {
      name: "test",
      send: async () => {
        throw new TransientSendError("Resend indisponible (503)");
      },
    };
    await expect(sendAction(handle.db, action.id, date, { email: failing, sms: outboxSms })).rejects.toThrow("Resend indisponible");
    expect((await actionRow(action.id)).status).toBe("scheduled");
    expect(await outbound(action.id)).toEqual([]);
    expect(await sendAction(handle.db, action.id, date)).toMatchObject({ status: "sent" });
  });

  it("replaces a failed record when an action in error is sent again", async () => {
    const { action } = await dueAction("E-mail", "email");
    const refusing: EmailProvider = { name: "test", send: async () => ({ status: "refused", reason: "Adresse refusée par le fournisseur : boîte inconnue" }) };
    await sendAction(handle.db, action.id, date, { email: refusing, sms: outboxSms });
    expect(await outbound(action.id)).toEqual([expect.objectContaining({ status: "failed", error: "Adresse refusée par le fournisseur : boîte inconnue" })]);
    await handle.db.update(actions).set({ status: "scheduled" }).where(eq(actions.id, action.id));
    expect(await sendAction(handle.db, action.id, date)).toMatchObject({ status: "sent" });
    expect(await outbound(action.id)).toEqual([expect.objectContaining({ status: "sent", error: null, provider: "outbox" })]);
  });

  it.runIf(process.env.TEST_DB === "postgres")("sends once when two workers race for the same action", async () => {
    const { action } = await dueAction("E-mail", "email");
    const { calls, provider } = countingProvider(300);
    const providers = { email: provider, sms: outboxSms };
    const results = await Promise.all([sendAction(handle.db, action.id, date, providers), sendAction(handle.db, action.id, date, providers)]);
    expect(results.map((r) => r.status).sort()).toEqual(["sent", "skipped"]);
    expect(calls).toHaveLength(1);
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from outbound_messages where action_id = ${action.id}`);
    expect(n).toBe(1);
  });
});

describe("the day's print batch", () => {
  it("redraws every letter sent that day into one PDF, each numbered on its own", async () => {
    const a = await dueAction("Courrier", "letter");
    const b = await dueAction("Mise en demeure", "formal_notice");
    for (const { action } of [a, b]) await sendAction(handle.db, action.id, "2026-11-27");
    const letters = await listBatchLetters(handle.db, "2026-11-27");
    expect(letters).toHaveLength(2);
    const text = await pdfText(await renderPrintBatch(letters.map((l) => l.letter!), "2026-11-27", null));
    expect(text).toContain(a.client.name);
    expect(text).toContain(b.client.name);
    expect(text).toContain("Lettre recommandée avec accusé de réception");
    expect(text.match(/Page 1\/1/g)).toHaveLength(2);
  });
});

describe("dispatchDueActions", () => {
  it("sends, in process, the due scheduled actions among those asked for", async () => {
    const due = await dueAction("E-mail", "email");
    const broken = await dueAction("E-mail", "email", { email: null });
    const { client, document } = await makeRecipientClient(handle.db);
    const later = await makeDueAction(handle.db, { clientId: client.id, stepId: scenario.step("E-mail").id, type: "email", documentIds: [document.id], plannedDate: "2026-12-01" });
    const untouched = await dueAction("E-mail", "email");

    const report = await dispatchDueActions(handle.db, date, [due.action.id, broken.action.id, later.id, "not-an-id"]);
    expect(report).toEqual({ due: 2, queued: 0, sent: 1, errors: 1, deferred: 0 });
    expect((await actionRow(later.id)).status).toBe("scheduled");
    expect((await actionRow(untouched.action.id)).status).toBe("scheduled");
    expect(await dispatchDueActions(handle.db, date, [])).toEqual({ due: 0, queued: 0, sent: 0, errors: 0, deferred: 0 });
  });
});

describe("loadActionForSending", () => {
  it("finds an action only for who sees its client, with exactly the action's documents", async () => {
    const collector = await makeUser(handle.db, "collector");
    const { action, client, document } = await dueAction("E-mail", "email");
    await makeDocument(handle.db, client.id, { amount: "99.00", issueDate: "2026-10-01", dueDate: "2026-11-01" });
    const own: Scope = { userId: collector.id, role: "collector", entityIds: [], collectorIds: [collector.id] };
    expect(await loadActionForSending(handle.db, own, action.id, date)).toBeNull();
    await handle.db.update(clients).set({ collectorId: collector.id }).where(eq(clients.id, client.id));
    const loaded = await loadActionForSending(handle.db, own, action.id, date);
    expect(loaded?.context.documents.map((d) => d.number)).toEqual([document.number]);
    expect(loaded).toMatchObject({ channel: "email", recipientRole: "facturation", contact: { email: "compta@client.fr" } });
  });
});
