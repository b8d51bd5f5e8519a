import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { attachments, clients, threadParticipants, threads } from "../schema";
import { clientInScope } from "./scope";

/** Where an upload goes: a discussion thread, or a client directly. */
export type AttachmentTarget = { threadId: string; clientId?: undefined } | { clientId: string; threadId?: undefined };

/**
 * The client (and thread) an upload by `scope` may be attached to, or null when the user sees neither the client
 * nor takes part in the thread.
 */
export async function resolveUploadTarget(
  db: Queryable,
  scope: Scope,
  target: AttachmentTarget,
): Promise<{ clientId: string; threadId: string | null } | null> {
  if (target.threadId !== undefined) {
    const [row] = await db
      .select({ clientId: threads.clientId })
      .from(threads)
      .innerJoin(clients, eq(clients.id, threads.clientId))
      .where(and(eq(threads.id, target.threadId), sql`(${clientInScope(scope)} or ${isParticipant(scope, threads.id)})`));
    return row ? { clientId: row.clientId, threadId: target.threadId } : null;
  }
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, target.clientId), clientInScope(scope)));
  return row ? { clientId: row.id, threadId: null } : null;
}

const isParticipant = (scope: Scope, threadId: SQL | typeof threads.id | typeof attachments.threadId) =>
  sql`exists (select 1 from ${threadParticipants} where ${threadParticipants.threadId} = ${threadId} and ${threadParticipants.userId} = ${scope.userId})`;

export type NewAttachment = Omit<typeof attachments.$inferInsert, "id" | "createdAt" | "commentId">;

export async function recordAttachment(db: Queryable, values: NewAttachment) {
  const [row] = await db.insert(attachments).values(values).returning({
    id: attachments.id,
    fileName: attachments.fileName,
    size: attachments.size,
    contentType: attachments.contentType,
  });
  return row;
}

/**
 * The attachment if `scope` may read it, else null (missing and forbidden look the same). Readable by whoever
 * sees its client, by the participants of its thread, and by its uploader; a file uploaded to a thread but not yet
 * sent with a message is the uploader's alone.
 */
export async function findReadableAttachment(db: Queryable, scope: Scope, id: string) {
  const [row] = await db
    .select({
      id: attachments.id,
      storageKey: attachments.storageKey,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      size: attachments.size,
    })
    .from(attachments)
    .leftJoin(clients, eq(clients.id, attachments.clientId))
    .where(
      and(
        eq(attachments.id, id),
        sql`(
          (${attachments.uploadedById} = ${scope.userId} and ${attachments.commentId} is null)
          or ((${attachments.threadId} is null or ${attachments.commentId} is not null)
            and ((${clients.id} is not null and ${clientInScope(scope)}) or ${isParticipant(scope, attachments.threadId)}))
        )`,
      ),
    );
  return row ?? null;
}

/**
 * Posts the uploader's pending files of `threadId` with the message `commentId`; files of others, of another
 * thread or already posted are left alone. Returns the ids attached.
 */
export async function attachToComment(db: Queryable, scope: Scope, ids: string[], threadId: string, commentId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(attachments)
    .set({ commentId })
    .where(
      and(
        inArray(attachments.id, ids),
        eq(attachments.threadId, threadId),
        eq(attachments.uploadedById, scope.userId),
        isNull(attachments.commentId),
      ),
    )
    .returning({ id: attachments.id });
  return rows.map((r) => r.id);
}
