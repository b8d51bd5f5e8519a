/** Reading discussions: who may read a thread, the threads of a target, one thread with its messages. */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { ThreadTarget } from "@/lib/collaboration/subjects";
import type { Queryable } from "../client";
import { attachments, clients, comments, documents, notifications, threadParticipants, threads, users } from "../schema";
import { clientInScope } from "./scope";

/** The client of the thread row is in the user's scope. */
export function threadClientVisible(scope: Scope): SQL {
  return sql`exists (select 1 from ${clients} where ${clients.id} = ${threads.clientId} and ${clientInScope(scope)})`;
}

/**
 * The one condition on `threads` that keeps what `scope` may read: the client is in their scope, or they take part
 * in the thread (as author, writer or mentioned).
 */
export function threadReadable(scope: Scope): SQL {
  return sql`(${threadClientVisible(scope)} or exists (select 1 from ${threadParticipants}
    where ${threadParticipants.threadId} = ${threads.id} and ${threadParticipants.userId} = ${scope.userId}))`;
}

function targetCondition(target: ThreadTarget): SQL {
  const conditions = [eq(threads.clientId, target.clientId)];
  if (target.documentId) conditions.push(eq(threads.documentId, target.documentId));
  if (target.disputeId) conditions.push(eq(threads.disputeId, target.disputeId));
  if (target.actionId) conditions.push(eq(threads.actionId, target.actionId));
  return and(...conditions)!;
}

const messageCount = sql<number>`(select count(*)::int from ${comments} where ${comments.threadId} = ${threads.id})`;
const lastMessage = sql<{ body: string; author: string | null } | null>`(
  select json_build_object('body', c.body, 'author', u.name) from comments c left join users u on u.id = c.author_id
  where c.thread_id = ${threads.id} order by c.created_at desc, c.id desc limit 1)`;

export type ThreadSummary = Awaited<ReturnType<typeof listThreads>>[number];

/** The threads of a client (all of them) or of one of its pièces, disputes or actions, latest activity first. */
export async function listThreads(db: Queryable, scope: Scope, target: ThreadTarget) {
  const rows = await db
    .select({
      id: threads.id,
      subject: threads.subject,
      title: threads.title,
      status: threads.status,
      documentId: threads.documentId,
      documentNumber: documents.number,
      disputeId: threads.disputeId,
      actionId: threads.actionId,
      createdAt: threads.createdAt,
      lastMessageAt: threads.lastMessageAt,
      messageCount,
      lastMessage,
      lastReadAt: threadParticipants.lastReadAt,
      participant: sql<boolean>`${threadParticipants.userId} is not null`,
    })
    .from(threads)
    .leftJoin(documents, eq(documents.id, threads.documentId))
    .leftJoin(threadParticipants, and(eq(threadParticipants.threadId, threads.id), eq(threadParticipants.userId, scope.userId)))
    .where(and(targetCondition(target), threadReadable(scope)))
    .orderBy(desc(threads.lastMessageAt), desc(threads.id));
  return rows.map(({ lastReadAt, participant, ...row }) => ({
    ...row,
    unread: participant && (lastReadAt === null || lastReadAt < row.lastMessageAt),
  }));
}

/** How many threads `scope` may read on a target, for the « Discussions (n) » button. */
export async function countThreads(db: Queryable, scope: Scope, target: ThreadTarget): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(threads)
    .where(and(targetCondition(target), threadReadable(scope)));
  return row.n;
}

/** Readable threads per pièce of a client, for the pièces table. */
export async function countThreadsByDocument(db: Queryable, scope: Scope, clientId: string): Promise<Record<number, number>> {
  const rows = await db
    .select({ documentId: threads.documentId, n: sql<number>`count(*)::int` })
    .from(threads)
    .where(and(eq(threads.clientId, clientId), sql`${threads.documentId} is not null`, threadReadable(scope)))
    .groupBy(threads.documentId);
  return Object.fromEntries(rows.map((r) => [r.documentId, r.n]));
}

export type ThreadDetail = NonNullable<Awaited<ReturnType<typeof getThread>>>;

/**
 * One thread with its messages and attachments, or null when `scope` may not read it. `clientVisible` tells
 * whether the reader sees the whole client or only this thread and the client's summary.
 */
export async function getThread(db: Queryable, scope: Scope, threadId: string) {
  const [thread] = await db
    .select({
      id: threads.id,
      clientId: threads.clientId,
      documentId: threads.documentId,
      documentNumber: documents.number,
      disputeId: threads.disputeId,
      actionId: threads.actionId,
      subject: threads.subject,
      title: threads.title,
      status: threads.status,
      resolutionNote: threads.resolutionNote,
      resolvedAt: threads.resolvedAt,
      resolvedBy: sql<string | null>`(select name from users where id = ${threads.resolvedById})`,
      createdAt: threads.createdAt,
      clientVisible: sql<boolean>`${threadClientVisible(scope)}`,
      client: { name: clients.name, code: clients.code, outstanding: clients.outstanding, overdue: clients.overdue },
    })
    .from(threads)
    .innerJoin(clients, eq(clients.id, threads.clientId))
    .leftJoin(documents, eq(documents.id, threads.documentId))
    .where(and(eq(threads.id, threadId), threadReadable(scope)));
  if (!thread) return null;
  const [messages, files] = await Promise.all([
    db
      .select({ id: comments.id, authorId: comments.authorId, author: users.name, body: comments.body, createdAt: comments.createdAt })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.threadId, threadId))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db
      .select({ id: attachments.id, commentId: attachments.commentId, fileName: attachments.fileName, size: attachments.size })
      .from(attachments)
      .where(and(eq(attachments.threadId, threadId), sql`${attachments.commentId} is not null`))
      .orderBy(asc(attachments.createdAt)),
  ]);
  return {
    ...thread,
    messages: messages.map((m) => ({ ...m, attachments: files.filter((f) => f.commentId === m.id) })),
  };
}

/** Reading a thread: the participant's read mark moves to now and the thread's notifications are read. */
export async function markThreadRead(db: Queryable, scope: Scope, threadId: string, now = new Date()): Promise<void> {
  await db
    .update(threadParticipants)
    .set({ lastReadAt: now })
    .where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, scope.userId)));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, scope.userId), eq(notifications.subjectId, threadId), isNull(notifications.readAt)));
}

/** Active users whose name or e-mail matches, for the @ suggestions. */
export async function searchMentionableUsers(db: Queryable, query: string, limit = 8) {
  const pattern = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), sql`(${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})`))
    .orderBy(asc(users.name))
    .limit(limit);
}

/** The ids among `ids` that belong to active users: only they can be mentioned. */
export async function activeUserIds(db: Queryable, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
  return rows.map((r) => r.id);
}
