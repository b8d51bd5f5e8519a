/** Reading the outbox (Paramétrage → Messages envoyés) and the letters of a day's print batch. */
import { and, asc, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { isUuid } from "@/lib/ids";
import type { TemplateChannel } from "@/lib/templates/context";
import type { Queryable } from "../client";
import { clients, outboundMessages } from "../schema";
import { clientInScope } from "./scope";

/** Messages of clients in scope; those whose client was deleted stay visible to who sees every client. */
const messageInScope = (scope: Scope) => or(clientInScope(scope), and(sql`${outboundMessages.clientId} is null`, sql`${scope.role === "admin"}`));

export async function listOutboundMessages(db: Queryable, scope: Scope, args: { channel: TemplateChannel | null; page: number; pageSize: number }) {
  const where = and(messageInScope(scope), args.channel ? eq(outboundMessages.channel, args.channel) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: outboundMessages.id,
        channel: outboundMessages.channel,
        recipient: outboundMessages.recipient,
        subject: outboundMessages.subject,
        status: outboundMessages.status,
        provider: outboundMessages.provider,
        error: outboundMessages.error,
        createdAt: outboundMessages.createdAt,
        sentAt: outboundMessages.sentAt,
        clientId: clients.id,
        clientName: clients.name,
        clientCode: clients.code,
      })
      .from(outboundMessages)
      .leftJoin(clients, eq(clients.id, outboundMessages.clientId))
      .where(where)
      .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(outboundMessages)
      .leftJoin(clients, eq(clients.id, outboundMessages.clientId))
      .where(where),
  ]);
  return { rows, total };
}

/** One message with its content, PDF excepted (see getOutboundPdf). */
export async function getOutboundMessage(db: Queryable, scope: Scope, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: outboundMessages.id,
      actionId: outboundMessages.actionId,
      channel: outboundMessages.channel,
      recipient: outboundMessages.recipient,
      subject: outboundMessages.subject,
      body: outboundMessages.body,
      attachments: outboundMessages.attachments,
      hasPdf: isNotNull(outboundMessages.pdf),
      provider: outboundMessages.provider,
      providerMessageId: outboundMessages.providerMessageId,
      status: outboundMessages.status,
      error: outboundMessages.error,
      batchDate: outboundMessages.batchDate,
      createdAt: outboundMessages.createdAt,
      sentAt: outboundMessages.sentAt,
      clientId: clients.id,
      clientName: clients.name,
      clientCode: clients.code,
    })
    .from(outboundMessages)
    .leftJoin(clients, eq(clients.id, outboundMessages.clientId))
    .where(and(eq(outboundMessages.id, id), messageInScope(scope)));
  return row ?? null;
}

export async function getOutboundPdf(db: Queryable, scope: Scope, id: string): Promise<Buffer | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ pdf: outboundMessages.pdf })
    .from(outboundMessages)
    .leftJoin(clients, eq(clients.id, outboundMessages.clientId))
    .where(and(eq(outboundMessages.id, id), messageInScope(scope)));
  return row?.pdf ?? null;
}

/** The record of an action's send, if it went out (or failed at the provider). */
export async function getActionOutbound(db: Queryable, actionId: string) {
  const [row] = await db
    .select({
      id: outboundMessages.id,
      channel: outboundMessages.channel,
      recipient: outboundMessages.recipient,
      subject: outboundMessages.subject,
      body: outboundMessages.body,
      attachments: outboundMessages.attachments,
      pdf: outboundMessages.pdf,
      provider: outboundMessages.provider,
      status: outboundMessages.status,
    })
    .from(outboundMessages)
    .where(eq(outboundMessages.actionId, actionId));
  return row ?? null;
}

/** The latest print batches: days with letters sent, and how many. */
export async function listPrintBatches(db: Queryable, limit = 10) {
  return db
    .select({ date: sql<string>`${outboundMessages.batchDate}`, letters: sql<number>`count(*)::int` })
    .from(outboundMessages)
    .where(and(eq(outboundMessages.channel, "letter"), eq(outboundMessages.status, "sent"), isNotNull(outboundMessages.batchDate)))
    .groupBy(outboundMessages.batchDate)
    .orderBy(desc(outboundMessages.batchDate))
    .limit(limit);
}

/** What each letter of the day's batch was drawn from, in the order they were sent. */
export async function listBatchLetters(db: Queryable, date: string) {
  return db
    .select({ id: outboundMessages.id, letter: outboundMessages.letter })
    .from(outboundMessages)
    .where(and(eq(outboundMessages.channel, "letter"), eq(outboundMessages.status, "sent"), eq(outboundMessages.batchDate, date), isNotNull(outboundMessages.letter)))
    .orderBy(asc(outboundMessages.createdAt), asc(outboundMessages.id));
}
