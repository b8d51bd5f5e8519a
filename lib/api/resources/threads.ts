import type { z } from "zod";
import type { Db } from "@/db/client";
import { listThreadIdsAfter, listThreadMessagesAfter, readThreadMessage, readThreads, type ThreadRecord } from "@/db/queries/thread-pages";
import { createThread, postMessage } from "@/db/queries/thread-writes";
import type { Scope } from "@/lib/auth/scope";
import { parseMentions, plainBody } from "@/lib/collaboration/mentions";
import type { ThreadSubject } from "@/lib/collaboration/subjects";
import { toInstant } from "../contract/common";
import type { threadCommentCreateBody, threadCommentListQuery, threadCommentSchema, threadCreateBody, threadListQuery, threadSchema } from "../contract/threads";
import { decodeCursor, pageOf } from "../pagination";
import { ApiProblem } from "../problem";

type ApiThread = z.infer<typeof threadSchema>;
type ApiThreadComment = z.infer<typeof threadCommentSchema>;
type MessageRecord = Awaited<ReturnType<typeof listThreadMessagesAfter>>[number];

const notFound = () => new ApiProblem("not_found", "Aucune discussion de votre périmètre ne porte cet identifiant.");

export function presentThread(t: ThreadRecord): ApiThread {
  return {
    id: t.id,
    client: t.client,
    subject: t.subject,
    title: t.title,
    status: t.status,
    document: t.documentId !== null && t.documentNumber !== null ? { id: t.documentId, number: t.documentNumber } : null,
    dispute_id: t.disputeId,
    action_id: t.actionId,
    created_by: t.createdById && t.createdByName ? { id: t.createdById, name: t.createdByName } : null,
    created_at: toInstant(t.createdAt),
    last_message_at: toInstant(t.lastMessageAt),
    message_count: t.messageCount,
    resolution_note: t.resolutionNote,
    resolved_at: t.resolvedAt ? toInstant(t.resolvedAt) : null,
  };
}

function presentComment(threadId: string, m: MessageRecord): ApiThreadComment {
  return {
    id: m.id,
    thread_id: threadId,
    author: m.authorId && m.authorName ? { id: m.authorId, name: m.authorName } : null,
    body: m.body,
    text: plainBody(m.body),
    mentions: parseMentions(m.body),
    created_at: toInstant(m.createdAt),
    attachments: m.attachments.map((a) => ({ id: a.id, file_name: a.fileName, content_type: a.contentType, size: a.size })),
  };
}

/** One cursor page of the threads the user may read, latest activity first. */
export async function listApiThreads(db: Db, scope: Scope, query: z.infer<typeof threadListQuery>) {
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const filters = { clientId: query.client_id, documentId: query.document_id, disputeId: query.dispute_id, actionId: query.action_id, status: query.status };
  const ids = await listThreadIdsAfter(db, scope, filters, after, query.limit + 1);
  const { data, next_cursor } = pageOf(ids, query.limit, (row) => [row.value, row.id]);
  const records = await readThreads(db, scope, data.map((r) => r.id));
  return { data: records.map(presentThread), next_cursor };
}

export async function getApiThread(db: Db, scope: Scope, id: string): Promise<ApiThread> {
  const [record] = await readThreads(db, scope, [id]);
  if (!record) throw notFound();
  return presentThread(record);
}

/** Opens a thread with its first message, through the discussions' own write (participants, mentions, notifications). */
export async function createApiThread(db: Db, scope: Scope, body: z.infer<typeof threadCreateBody>): Promise<ApiThread> {
  const target = { clientId: body.client_id, documentId: body.document_id ?? null, disputeId: body.dispute_id ?? null, actionId: body.action_id ?? null };
  const input = { target, subject: body.subject as ThreadSubject, title: body.title, body: body.body };
  const result = await db.transaction((tx) => createThread(tx, scope, input));
  if (result.status !== "ok") throw new ApiProblem("not_found", "Aucun client de votre périmètre ne porte cet identifiant, ou la pièce, le litige ou l'action n'est pas de ce client.");
  return getApiThread(db, scope, result.threadId);
}

/** A thread's messages, oldest first; a thread the user may not read is not found. */
export async function listApiThreadComments(db: Db, scope: Scope, threadId: string, query: z.infer<typeof threadCommentListQuery>) {
  await getApiThread(db, scope, threadId);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const messages = await listThreadMessagesAfter(db, threadId, after, query.limit + 1);
  const { data, next_cursor } = pageOf(messages, query.limit, (m) => [m.position, m.id]);
  return { data: data.map((m) => presentComment(threadId, m)), next_cursor };
}

export async function createApiThreadComment(db: Db, scope: Scope, threadId: string, body: z.infer<typeof threadCommentCreateBody>): Promise<ApiThreadComment> {
  const result = await db.transaction((tx) => postMessage(tx, scope, { threadId, body: body.body }));
  if (result.status === "not_found") throw notFound();
  if (result.status === "resolved") throw new ApiProblem("conflict", "Discussion résolue : rouvrez-la pour répondre.");
  const message = await readThreadMessage(db, threadId, result.messageId);
  if (!message) throw notFound();
  return presentComment(threadId, message);
}
