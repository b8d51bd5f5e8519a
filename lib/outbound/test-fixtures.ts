/** Builders for the sending tests: a client with a billing contact, templates and steps, due actions. */
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import type { Queryable } from "@/db/client";
import { actionDocuments, actions, contacts, scenarioSteps, templates } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeScenario } from "@/db/test-builders";

let n = 0;

export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

/** One scenario with an e-mail (list attached as PDF), an SMS, a letter and a formal notice step, all with templates. */
export async function makeSendingScenario(db: Queryable) {
  const k = ++n;
  const [email, sms, letter] = await db
    .insert(templates)
    .values([
      {
        channel: "email",
        name: `Relance e-mail ${k}`,
        subject: "Factures échues – {{client.raison_sociale}}",
        body: "<p>Bonjour {{contact.nom}},</p><p>Reste dû : {{totaux.reste_du}}</p>{{pieces.tableau}}",
        attachments: { documentList: "pdf" },
      },
      { channel: "sms", name: `Relance SMS ${k}`, body: "{{client.raison_sociale}} : {{totaux.reste_du}} à régler." },
      { channel: "letter", name: `Relance courrier ${k}`, subject: "Relance – {{client.code}}", body: "<p>Madame, Monsieur,</p>{{pieces.tableau}}" },
    ])
    .returning();
  const scenario = await makeScenario(db, `Envois ${k}`, [
    { label: "E-mail", offsetDays: 5, actionType: "email", mode: "automatic", templateId: email.id },
    { label: "SMS", offsetDays: 10, actionType: "sms", mode: "automatic", templateId: sms.id },
    { label: "Courrier", offsetDays: 30, actionType: "letter", mode: "automatic", templateId: letter.id },
    { label: "Mise en demeure", offsetDays: 45, actionType: "formal_notice", mode: "automatic", templateId: letter.id },
    { label: "Sans modèle", offsetDays: 60, actionType: "email", mode: "automatic" },
  ]);
  const steps = await db.select().from(scenarioSteps).where(eq(scenarioSteps.scenarioId, scenario.id));
  const step = (label: string) => steps.find((s) => s.label === label)!;
  return { scenario, templates: { email, sms, letter }, step };
}

/** A client with an address and a billing contact (e-mail and mobile), and one open invoice. */
export async function makeRecipientClient(db: Queryable, contact: Partial<typeof contacts.$inferInsert> = {}, client: Parameters<typeof makeClient>[2] = {}) {
  const entity = await makeEntity(db);
  const row = await makeClient(db, entity.id, { address: "12 rue des Lilas", postalCode: "69003", city: "Lyon", ...client });
  await db.insert(contacts).values({ clientId: row.id, name: "Martin", civility: "Madame", role: "facturation", email: "compta@client.fr", mobile: "06 12 34 56 78", ...contact });
  const document = await makeDocument(db, row.id, { amount: "1500.00", issueDate: "2026-09-01", dueDate: "2026-10-01", number: `FA-${1000 + ++n}` });
  return { client: row, document };
}

/** A `scheduled` action of `stepId` for the client, covering `documentIds`. */
export async function makeDueAction(
  db: Queryable,
  args: { clientId: string; stepId: string; type: (typeof actions.$inferInsert)["type"]; documentIds: number[]; plannedDate?: string; status?: (typeof actions.$inferInsert)["status"] },
) {
  const [action] = await db
    .insert(actions)
    .values({
      clientId: args.clientId,
      stepId: args.stepId,
      stepOffsetDays: 5,
      type: args.type,
      mode: "automatic",
      plannedDate: args.plannedDate ?? "2026-11-23",
      status: args.status ?? "scheduled",
      amountCovered: "1500.00",
    })
    .returning();
  if (args.documentIds.length) await db.insert(actionDocuments).values(args.documentIds.map((documentId) => ({ actionId: action.id, documentId })));
  return action;
}
