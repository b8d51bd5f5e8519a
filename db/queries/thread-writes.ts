/** Writing discussions: open a thread, post a message (mentions, attachments, notifications), resolve, reopen. */
import { and, eq, ne, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { parseMentions, plainBody } from "@/lib/collaboration/mentions";
import { type ThreadSubject, type ThreadTarget, threadLink } from "@/lib/collaboration/subjects";
import type { Queryable } from "../client";
import { actions, clients, comments, disputes, documents, threadParticipants, threads, users } from "../schema";
import { attachToComment } from "./attachments";
import { notifyMany } from "./notifications";
import { clientInScope } from "./scope";
import { activeUserIds, threadReadable } from "./threads";

type Written = { status: "ok"; threadId: string; messageId: string; mentioned: string[] } | { status: "not_found" } | { status: "resolved" };

const excerpt = (body: string) => {
  const text = plainBody(body).replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
};

async function addParticipants(db: Queryable, threadId: string, userIds: string[]) {
  if (!userIds.length) return;
  await db
    .insert(threadParticipants)
    .values(userIds.map((userId) => ({ threadId, userId })))
    .onConflictDoNothing();
}

/** The pièce, dispute or action of a target belongs to its client (a forged id on another client is refused). */
async function targetBelongsToClient(db: Queryable, target: ThreadTarget): Promise<boolean> {
  const checks = [
    target.documentId && db.select({ id: documents.id }).from(documents).where(and(eq(documents.id, target.documentId), eq(documents.clientId, target.clientId))),
    target.disputeId && db.select({ id: disputes.id }).from(disputes).where(and(eq(disputes.id, target.disputeId), eq(disputes.clientId, target.clientId))),
    target.actionId && db.select({ id: actions.id }).from(actions).where(and(eq(actions.id, target.actionId), eq(actions.clientId, target.clientId))),
  ].filter((q) => !!q);
  const found = await Promise.all(checks);
  return found.every((rows) => rows.length === 1);
}

/**
 * Adds a message: its author and the active users it mentions become participants; mentioned users get a
 * « thread.mention » notification, the other participants a « thread.reply », the author nothing.
 */
async function addMessage(
  db: Queryable,
  scope: Scope,
  thread: { id: string; clientId: string; title: string },
  body: string,
  attachmentIds: string[] = [],
  now = new Date(),
): Promise<{ messageId: string; mentioned: string[] }> {
  const [message] = await db
    .insert(comments)
    .values({ clientId: thread.clientId, threadId: thread.id, authorId: scope.userId, body, createdAt: now })
    .returning({ id: comments.id });
  await db.update(threads).set({ lastMessageAt: now }).where(eq(threads.id, thread.id));
  await attachToComment(db, scope, attachmentIds, thread.id, message.id);
  const mentioned = (await activeUserIds(db, parseMentions(body))).filter((id) => id !== scope.userId);
  const others = await db
    .select({ userId: threadParticipants.userId })
    .from(threadParticipants)
    .innerJoin(users, eq(users.id, threadParticipants.userId))
    .where(and(eq(threadParticipants.threadId, thread.id), ne(threadParticipants.userId, scope.userId), eq(users.active, true)));
  await addParticipants(db, thread.id, [scope.userId, ...mentioned]);

  const [author] = await db.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
  const common = { body: excerpt(body), link: threadLink(thread.id), subjectId: thread.id };
  await notifyMany(db, [
    ...mentioned.map((userId) => ({ ...common, userId, kind: "thread.mention", title: `${author.name} vous a mentionné dans « ${thread.title} »` })),
    ...others
      .filter((p) => !mentioned.includes(p.userId))
      .map(({ userId }) => ({ ...common, userId, kind: "thread.reply", title: `${author.name} a répondu dans « ${thread.title} »` })),
  ]);
  return { messageId: message.id, mentioned };
}

/** Opens a thread on a client in scope (or one of its pièces, disputes, actions) with its first message. */
export async function createThread(
  db: Queryable,
  scope: Scope,
  input: { target: ThreadTarget; subject: ThreadSubject; title: string; body: string },
  now = new Date(),
): Promise<Written> {
  const { target } = input;
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, target.clientId), clientInScope(scope)));
  if (!client || !(await targetBelongsToClient(db, target))) return { status: "not_found" };
  const [thread] = await db
    .insert(threads)
    .values({
      clientId: target.clientId,
      documentId: target.documentId ?? null,
      disputeId: target.disputeId ?? null,
      actionId: target.actionId ?? null,
      subject: input.subject,
      title: input.title,
      createdById: scope.userId,
      createdAt: now,
      lastMessageAt: now,
    })
    .returning({ id: threads.id, clientId: threads.clientId, title: threads.title });
  const message = await addMessage(db, scope, thread, input.body, [], now);
  return { status: "ok", threadId: thread.id, ...message };
}

async function readableThread(db: Queryable, scope: Scope, threadId: string) {
  const [thread] = await db
    .select({ id: threads.id, clientId: threads.clientId, title: threads.title, status: threads.status })
    .from(threads)
    .where(and(eq(threads.id, threadId), threadReadable(scope)));
  return thread ?? null;
}

/** Replies in an open thread the user may read; the sender's own read mark follows their message. */
export async function postMessage(
  db: Queryable,
  scope: Scope,
  input: { threadId: string; body: string; attachmentIds?: string[] },
  now = new Date(),
): Promise<Written> {
  const thread = await readableThread(db, scope, input.threadId);
  if (!thread) return { status: "not_found" };
  if (thread.status === "resolved") return { status: "resolved" };
  const message = await addMessage(db, scope, thread, input.body, input.attachmentIds, now);
  await db
    .update(threadParticipants)
    .set({ lastReadAt: now })
    .where(and(eq(threadParticipants.threadId, thread.id), eq(threadParticipants.userId, scope.userId)));
  return { status: "ok", threadId: thread.id, ...message };
}

/** Resolves with a note, or reopens (note null); false when the user may not read the thread. */
export async function setThreadResolution(
  db: Queryable,
  scope: Scope,
  threadId: string,
  resolution: { note: string } | null,
  now = new Date(),
): Promise<boolean> {
  const values = resolution
    ? { status: "resolved" as const, resolutionNote: resolution.note, resolvedById: scope.userId, resolvedAt: now }
    : { status: "open" as const, resolutionNote: null, resolvedById: null, resolvedAt: null };
  const changed = await db
    .update(threads)
    .set(values)
    .where(and(eq(threads.id, threadId), threadReadable(scope), sql`${threads.status} <> ${values.status}`))
    .returning({ id: threads.id });
  return changed.length === 1;
}
