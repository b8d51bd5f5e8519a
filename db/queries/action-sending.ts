/**
 * What sending an action reads and writes (SPEC §8): the action with its client, step template, recipient contact
 * and exactly its documents; the claim that moves it from `scheduled` to `sent`; its outbound record.
 */
import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { isUuid } from "@/lib/ids";
import type { TemplateContext } from "@/lib/templates/context";
import type { Queryable } from "../client";
import { actionDocuments, actions, clients, contacts, documents, outboundMessages, scenarioSteps, templates, users } from "../schema";
import { clientInScope } from "./scope";
import { getOption } from "./settings";
import { templateDocumentColumns } from "./template-context";
import { emitActionEvent } from "./webhook-payloads";

/** The scope jobs send with: every client, as an administrator sees them. */
export const jobScope: Scope = { userId: "00000000-0000-0000-0000-000000000000", role: "admin", entityIds: [], collectorIds: [] };

export type ActionForSending = NonNullable<Awaited<ReturnType<typeof loadActionForSending>>>;

/**
 * An action of a client in scope with what rendering it needs: its step's template and recipient role, the
 * recipient contact (of the step's role first, then the channel's recipient), the client's contact details and the
 * action's own documents as the template context on `date`. Null when missing or out of scope.
 */
export async function loadActionForSending(db: Queryable, scope: Scope, actionId: string, date: string) {
  if (!isUuid(actionId)) return null;
  const [row] = await db
    .select({
      action: {
        id: actions.id,
        clientId: actions.clientId,
        type: actions.type,
        status: actions.status,
        plannedDate: actions.plannedDate,
        renderedSubject: actions.renderedSubject,
        renderedBody: actions.renderedBody,
        message: actions.message,
      },
      recipientRole: scenarioSteps.recipientRole,
      template: { id: templates.id, channel: templates.channel, subject: templates.subject, body: templates.body, attachments: templates.attachments },
      client: {
        code: clients.code,
        name: clients.name,
        address: clients.address,
        postalCode: clients.postalCode,
        city: clients.city,
        country: clients.country,
        email: clients.email,
        phone: clients.phone,
        outstanding: clients.outstanding,
        overdue: clients.overdue,
      },
      collector: { name: users.name, civility: users.civility, email: users.email, phone: users.phone },
    })
    .from(actions)
    .innerJoin(clients, eq(clients.id, actions.clientId))
    .leftJoin(scenarioSteps, eq(scenarioSteps.id, actions.stepId))
    .leftJoin(templates, eq(templates.id, scenarioSteps.templateId))
    .leftJoin(users, eq(users.id, clients.collectorId))
    .where(and(eq(actions.id, actionId), clientInScope(scope)));
  if (!row) return null;

  const role = row.recipientRole ?? "facturation";
  const channel = channelOf(row.action.type);
  const [contactRows, documentRows, company, penaltyRatePercent] = await Promise.all([
    db
      .select({ civility: contacts.civility, name: contacts.name, email: contacts.email, mobile: contacts.mobile })
      .from(contacts)
      .where(
        and(
          eq(contacts.clientId, row.action.clientId),
          channel ? or(eq(contacts.role, role), sql`${channel}::channel = any(${contacts.recipientFor})`) : eq(contacts.role, role),
        ),
      )
      .orderBy(desc(sql`${contacts.role} = ${role}`), asc(contacts.createdAt), asc(contacts.name))
      .limit(1),
    db
      .select(templateDocumentColumns)
      .from(actionDocuments)
      .innerJoin(documents, eq(documents.id, actionDocuments.documentId))
      .where(eq(actionDocuments.actionId, actionId))
      .orderBy(asc(documents.dueDate), asc(documents.number)),
    getOption(db, "company"),
    getOption(db, "latePaymentRatePercent"),
  ]);
  const contact = contactRows[0] ?? null;
  const { client } = row;
  const context: TemplateContext = {
    today: date,
    client: { code: client.code, name: client.name, address: client.address, postalCode: client.postalCode, city: client.city, country: client.country },
    contact: contact && { civility: contact.civility, name: contact.name },
    company: { name: company.name, address: company.address, iban: company.iban, signature: company.signature },
    collector: row.collector?.name ? row.collector : null,
    totals: { outstanding: client.outstanding, overdue: client.overdue },
    documents: documentRows,
    penaltyRatePercent,
  };
  return {
    action: row.action,
    channel,
    recipientRole: role,
    // An e-mail composed on the fiche client is sent in place of a step's template.
    template: row.action.message ? { id: null, channel: "email" as const, ...row.action.message } : row.template?.id ? row.template : null,
    contact,
    clientEmail: client.email,
    clientPhone: client.phone,
    context,
  };
}

/** The outbound channel of an action type; calls and tasks send nothing. */
export function channelOf(type: (typeof actions.$inferSelect)["type"]): "email" | "letter" | "sms" | null {
  if (type === "email" || type === "sms" || type === "letter") return type;
  return type === "formal_notice" ? "letter" : null;
}

/** Automatic actions due to go out by `date` (all, or those of `actionIds`), oldest first. */
export async function listDueActionIds(db: Queryable, date: string, actionIds?: string[]): Promise<string[]> {
  const ids = actionIds?.filter(isUuid);
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.status, "scheduled"), lte(actions.plannedDate, date), ids ? inArray(actions.id, ids) : undefined))
    .orderBy(asc(actions.plannedDate), asc(actions.createdAt));
  return rows.map((r) => r.id);
}

/**
 * Takes the action for sending: `scheduled` and due → `sent`, in the caller's transaction. The row lock this
 * UPDATE holds until commit makes a second worker wait, then find the action no longer `scheduled` and get
 * nothing back; if the first one rolls back, the action is `scheduled` again and the second one takes it.
 */
export async function claimAction(tx: Queryable, actionId: string, date: string): Promise<boolean> {
  const rows = await tx
    .update(actions)
    .set({ status: "sent", sentAt: new Date(), errorMessage: null })
    .where(and(eq(actions.id, actionId), eq(actions.status, "scheduled"), lte(actions.plannedDate, date)))
    .returning({ id: actions.id });
  return rows.length === 1;
}

export async function saveRenderedContent(tx: Queryable, actionId: string, content: { subject: string | null; body: string; pdfPath: string | null }) {
  await tx
    .update(actions)
    .set({ renderedSubject: content.subject, renderedBody: content.body, renderedPdfPath: content.pdfPath })
    .where(eq(actions.id, actionId));
}

/** An action that could not be sent: `error` with its reason, and the `action.error` webhook event. */
export async function markActionError(tx: Queryable, actionId: string, message: string) {
  await tx.update(actions).set({ status: "error", errorMessage: message, sentAt: null }).where(eq(actions.id, actionId));
  await emitActionEvent(tx, "action.error", actionId);
}

export type NewOutboundMessage = Omit<typeof outboundMessages.$inferInsert, "id" | "createdAt">;

/**
 * Records the send of an action, keyed by its id: a second record for the same action is refused (null) unless
 * the first one failed, which a new attempt replaces.
 */
export async function recordOutbound(tx: Queryable, values: NewOutboundMessage): Promise<string | null> {
  const [row] = await tx
    .insert(outboundMessages)
    .values(values)
    .onConflictDoUpdate({
      target: outboundMessages.actionId,
      // Everything of the failed attempt goes: its error, provider id, PDF.
      set: { subject: null, attachments: [], pdf: null, letter: null, batchDate: null, providerMessageId: null, error: null, sentAt: null, ...values, createdAt: new Date() },
      setWhere: sql`${outboundMessages.status} = 'failed'`,
    })
    .returning({ id: outboundMessages.id });
  return row?.id ?? null;
}

export async function finishOutbound(tx: Queryable, id: string, outcome: { status: "sent" | "failed"; providerMessageId?: string | null; error?: string | null }) {
  await tx
    .update(outboundMessages)
    .set({ ...outcome, sentAt: outcome.status === "sent" ? new Date() : null })
    .where(eq(outboundMessages.id, id));
}

/** What became of the actions of `ids`: sent, refused (`error`), or still `scheduled` for a later try. */
export async function countSendOutcomes(db: Queryable, ids: string[]): Promise<{ sent: number; errors: number; deferred: number }> {
  const total = { sent: 0, errors: 0, deferred: 0 };
  for (let i = 0; i < ids.length; i += 5000) {
    const [row] = await db
      .select({
        sent: sql<number>`count(*) filter (where ${actions.status} = 'sent')::int`,
        errors: sql<number>`count(*) filter (where ${actions.status} = 'error')::int`,
        deferred: sql<number>`count(*) filter (where ${actions.status} = 'scheduled')::int`,
      })
      .from(actions)
      .where(inArray(actions.id, ids.slice(i, i + 5000)));
    total.sent += row.sent;
    total.errors += row.errors;
    total.deferred += row.deferred;
  }
  return total;
}
