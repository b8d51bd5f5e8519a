/**
 * Discussions by cursor, for the open API: the threads a user may read in keyset order of latest activity, the
 * threads of a page, and a thread's messages oldest first. Readability is `threadReadable`, as on the pages.
 */
import { type AnyColumn, and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { attachments, clients, comments, documents, threads, users } from "../schema";
import { threadReadable } from "./threads";

export type ThreadPageFilters = { clientId?: string; documentId?: number; disputeId?: string; actionId?: string; status?: "open" | "resolved" };

// Instants go through text: a JavaScript Date would drop the microseconds PostgreSQL keeps and break the keyset.
const asText = (column: AnyColumn) => sql<string>`${column}::text`;

/** Ids of the readable threads after `after` (last message instant as text, id), latest activity first. */
export function listThreadIdsAfter(db: Queryable, scope: Scope, f: ThreadPageFilters, after: [string, string] | null, limit: number) {
  return db
    .select({ id: threads.id, value: asText(threads.lastMessageAt) })
    .from(threads)
    .where(
      and(
        threadReadable(scope),
        f.clientId ? eq(threads.clientId, f.clientId) : undefined,
        f.documentId ? eq(threads.documentId, f.documentId) : undefined,
        f.disputeId ? eq(threads.disputeId, f.disputeId) : undefined,
        f.actionId ? eq(threads.actionId, f.actionId) : undefined,
        f.status ? eq(threads.status, f.status) : undefined,
        after ? sql`(${threads.lastMessageAt}, ${threads.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(limit);
}

export type ThreadRecord = Awaited<ReturnType<typeof readThreads>>[number];

/** The threads among `ids` the user may read, in the order of `ids`. */
export async function readThreads(db: Queryable, scope: Scope, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: threads.id,
      client: { id: clients.id, code: clients.code, name: clients.name },
      documentId: threads.documentId,
      documentNumber: documents.number,
      disputeId: threads.disputeId,
      actionId: threads.actionId,
      subject: threads.subject,
      title: threads.title,
      status: threads.status,
      resolutionNote: threads.resolutionNote,
      resolvedAt: threads.resolvedAt,
      createdById: threads.createdById,
      createdByName: users.name,
      createdAt: threads.createdAt,
      lastMessageAt: threads.lastMessageAt,
      messageCount: sql<number>`(select count(*)::int from ${comments} where ${comments.threadId} = ${threads.id})`,
    })
    .from(threads)
    .innerJoin(clients, eq(clients.id, threads.clientId))
    .leftJoin(documents, eq(documents.id, threads.documentId))
    .leftJoin(users, eq(users.id, threads.createdById))
    .where(and(inArray(threads.id, ids), threadReadable(scope)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A page of a thread's messages after `after` (instant as text, id), oldest first, each with its attachments.
 * The caller has checked that the user may read the thread.
 */
export function listThreadMessagesAfter(db: Queryable, threadId: string, after: [string, string] | null, limit: number) {
  const position = after ? sql`(${comments.createdAt}, ${comments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined;
  return readMessages(db, threadId, position, limit);
}

/** One message of a thread, as a page lists it; null when unknown. */
export async function readThreadMessage(db: Queryable, threadId: string, messageId: string) {
  const [message] = await readMessages(db, threadId, eq(comments.id, messageId), 1);
  return message ?? null;
}

async function readMessages(db: Queryable, threadId: string, condition: SQL | undefined, limit: number) {
  const messages = await db
    .select({
      id: comments.id,
      authorId: comments.authorId,
      authorName: users.name,
      body: comments.body,
      createdAt: comments.createdAt,
      position: asText(comments.createdAt),
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.threadId, threadId), condition))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit);
  if (messages.length === 0) return [];
  const files = await db
    .select({ id: attachments.id, commentId: attachments.commentId, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(and(eq(attachments.threadId, threadId), inArray(attachments.commentId, messages.map((m) => m.id))))
    .orderBy(asc(attachments.createdAt));
  const byMessage = new Map(messages.map((m) => [m.id, { ...m, attachments: [] as typeof files }]));
  for (const file of files) if (file.commentId) byMessage.get(file.commentId)?.attachments.push(file);
  return [...byMessage.values()];
}
