"use server";

import { z } from "zod";
import { createThread, postMessage, setThreadResolution } from "@/db/queries/thread-writes";
import { getThread, listThreads, markThreadRead, type ThreadDetail, type ThreadSummary } from "@/db/queries/threads";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { threadSubjects } from "@/lib/collaboration/subjects";

const notFound = { ok: false, error: "Discussion introuvable." } as const;
const optionalUuid = z.union([z.uuid(), z.literal(""), z.null()]).optional().transform((v) => v || null);
const target = z.object({
  clientId: z.uuid(),
  documentId: z.union([z.coerce.number().int().positive(), z.literal(""), z.null()]).optional().transform((v) => v || null),
  disputeId: optionalUuid,
  actionId: optionalUuid,
});
const body = z.string().trim().min(1, "Écrivez un message.").max(5000, "5 000 caractères au plus.");

export const loadThreadsAction = authedAction("clients.read", target, async (input, { db, scope }): Promise<ActionResult<ThreadSummary[]>> => {
  return { ok: true, data: await listThreads(db, scope, input) };
});

/** Opening a thread reads it: the read mark moves and its notifications are marked read. */
export const loadThreadAction = authedAction(
  "clients.read",
  z.object({ threadId: z.uuid() }),
  async ({ threadId }, { db, scope }): Promise<ActionResult<ThreadDetail>> => {
    const thread = await getThread(db, scope, threadId);
    if (!thread) return notFound;
    await markThreadRead(db, scope, threadId);
    return { ok: true, data: thread };
  },
);

export const createThreadAction = authedAction(
  "discussions.write",
  target.extend({
    subject: z.enum(threadSubjects as [string, ...string[]], { error: "Choisissez un sujet." }),
    title: z.string().trim().min(1, "Donnez un titre.").max(200, "200 caractères au plus."),
    body,
  }),
  async ({ subject, title, body, ...t }, { db, scope }): Promise<ActionResult<{ threadId: string }>> => {
    const result = await db.transaction((tx) => createThread(tx, scope, { target: t, subject: subject as (typeof threadSubjects)[number], title, body }));
    if (result.status !== "ok") return { ok: false, error: "Client ou pièce introuvable." };
    // No page refresh: the panel counts the new thread itself, and a refresh would drop `?discussion=` from the address.
    return { ok: true, data: { threadId: result.threadId }, message: "Discussion ouverte." };
  },
);

export const postMessageAction = authedAction(
  "discussions.write",
  z.object({ threadId: z.uuid(), body, attachmentIds: z.array(z.uuid()).max(10).default([]) }),
  async (input, { db, scope }): Promise<ActionResult> => {
    const result = await db.transaction((tx) => postMessage(tx, scope, input));
    if (result.status === "not_found") return notFound;
    if (result.status === "resolved") return { ok: false, error: "Discussion résolue : rouvrez-la pour répondre." };
    return { ok: true, data: undefined, message: "Message envoyé." };
  },
);

export const resolveThreadAction = authedAction(
  "discussions.write",
  z.object({ threadId: z.uuid(), note: z.string().trim().min(1, "Indiquez comment la discussion a été résolue.").max(2000) }),
  async ({ threadId, note }, { db, scope }): Promise<ActionResult> => {
    const changed = await setThreadResolution(db, scope, threadId, { note });
    return changed ? { ok: true, data: undefined, message: "Discussion résolue." } : notFound;
  },
);

export const reopenThreadAction = authedAction(
  "discussions.write",
  z.object({ threadId: z.uuid() }),
  async ({ threadId }, { db, scope }): Promise<ActionResult> => {
    const changed = await setThreadResolution(db, scope, threadId, null);
    return changed ? { ok: true, data: undefined, message: "Discussion rouverte." } : notFound;
  },
);
