import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { attachments, comments, notifications, threadParticipants } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { mentionToken } from "@/lib/collaboration/mentions";
import { getClient } from "./clients";
import { loadScope } from "./scope";
import { createThread, postMessage, setThreadResolution } from "./thread-writes";
import { countThreads, countThreadsByDocument, getThread, listThreads, markThreadRead, searchMentionableUsers } from "./threads";

const today = "2026-11-23";
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));
let handle: DatabaseHandle;
const s: Record<"alice" | "bruno" | "sam" | "admin", Scope> = {} as never;
const ids = {} as Record<"alice" | "bruno" | "ines" | "client" | "other" | "t1" | "t2", string> & { doc: number; otherDoc: number };

const notificationsOf = (userId: string) =>
  handle.db
    .select({ kind: notifications.kind, title: notifications.title, link: notifications.link, subjectId: notifications.subjectId, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.createdAt);
const participantsOf = async (threadId: string) =>
  (await handle.db.select({ userId: threadParticipants.userId }).from(threadParticipants).where(eq(threadParticipants.threadId, threadId)))
    .map((p) => p.userId)
    .sort();

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector", { name: "Alice Martin" });
  const bruno = await makeUser(db, "collector", { name: "Bruno Petit" });
  const sam = await makeUser(db, "sales", { name: "Sam Roux" });
  const ines = await makeUser(db, "collector", { name: "Inès Durand", active: false });
  const admin = await makeUser(db, "admin", { name: "Claire Admin" });
  for (const [key, user] of Object.entries({ alice, bruno, sam, admin })) s[key as keyof typeof s] = (await loadScope(db, user.id, today))!;
  const client = await makeClient(db, entity.id, { name: "Alpha", collectorId: alice.id, outstanding: "1200.00", overdue: "450.50" });
  const other = await makeClient(db, entity.id, { name: "Bravo", collectorId: bruno.id });
  const doc = await makeDocument(db, client.id, { amount: "450.50", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  const otherDoc = await makeDocument(db, other.id, { amount: "99.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  Object.assign(ids, { alice: alice.id, bruno: bruno.id, ines: ines.id, client: client.id, other: other.id, doc: doc.id, otherDoc: otherDoc.id });

  const body = `${mentionToken(bruno)} et ${mentionToken(ines)}, l'avoir est-il parti ?`;
  const t1 = await createThread(db, s.alice, { target: { clientId: client.id, documentId: doc.id }, subject: "demande_avoir", title: "Avoir F-450", body }, at(0));
  const t2 = await createThread(db, s.alice, { target: { clientId: client.id }, subject: "autre", title: "Interne", body: "Rien pour Bruno." }, at(1));
  if (t1.status !== "ok" || t2.status !== "ok") throw new Error("threads not created");
  ids.t1 = t1.threadId;
  ids.t2 = t2.threadId;
});
afterAll(() => handle.close());

describe("who reads a thread", () => {
  it("lets the client's scope read every thread, counted per target and per pièce", async () => {
    const listed = await listThreads(handle.db, s.alice, { clientId: ids.client });
    expect(listed.map((t) => [t.title, t.messageCount, t.documentNumber !== null])).toEqual([
      ["Interne", 1, false],
      ["Avoir F-450", 1, true],
    ]);
    expect(listed[1].lastMessage?.author).toBe("Alice Martin");
    expect((await listThreads(handle.db, s.admin, { clientId: ids.client, documentId: ids.doc })).map((t) => t.title)).toEqual(["Avoir F-450"]);
    expect(await countThreads(handle.db, s.admin, { clientId: ids.client })).toBe(2);
    expect(await countThreadsByDocument(handle.db, s.alice, ids.client)).toEqual({ [ids.doc]: 1 });
  });

  it("shows nothing to a user outside the scope who takes no part", async () => {
    expect(await getThread(handle.db, s.sam, ids.t1)).toBeNull();
    expect(await listThreads(handle.db, s.sam, { clientId: ids.client })).toEqual([]);
    expect(await countThreads(handle.db, s.sam, { clientId: ids.client })).toBe(0);
  });

  it("makes a mentioned user outside the scope a participant of that thread only, with the client's summary", async () => {
    expect(await participantsOf(ids.t1)).toEqual([ids.alice, ids.bruno].sort());
    const seen = await getThread(handle.db, s.bruno, ids.t1);
    expect(seen).toMatchObject({ clientVisible: false, client: { name: "Alpha", outstanding: "1200.00", overdue: "450.50" } });
    expect(await getThread(handle.db, s.bruno, ids.t2)).toBeNull();
    expect((await listThreads(handle.db, s.bruno, { clientId: ids.client })).map((t) => t.title)).toEqual(["Avoir F-450"]);
    expect(await getClient(handle.db, s.bruno, ids.client)).toBeNull();
    expect((await getThread(handle.db, s.alice, ids.t1))?.clientVisible).toBe(true);
  });

  it("ignores the mention of an inactive user", async () => {
    expect(await participantsOf(ids.t1)).not.toContain(ids.ines);
    expect(await notificationsOf(ids.ines)).toEqual([]);
    expect((await searchMentionableUsers(handle.db, "in")).map((u) => u.name)).not.toContain("Inès Durand");
    expect((await searchMentionableUsers(handle.db, "bruno")).map((u) => u.name)).toEqual(["Bruno Petit"]);
  });

  it("refuses a thread on a client out of scope, or on another client's pièce", async () => {
    const asParticipant = await createThread(handle.db, s.bruno, { target: { clientId: ids.client }, subject: "autre", title: "x", body: "x" });
    expect(asParticipant.status).toBe("not_found");
    const forged = await createThread(handle.db, s.alice, { target: { clientId: ids.client, documentId: ids.otherDoc }, subject: "autre", title: "x", body: "x" });
    expect(forged.status).toBe("not_found");
  });
});

describe("messages and notifications", () => {
  it("notifies the mentioned user, not the author", async () => {
    expect(await notificationsOf(ids.bruno)).toEqual([
      { kind: "thread.mention", title: "Alice Martin vous a mentionné dans « Avoir F-450 »", link: `/discussions/${ids.t1}`, subjectId: ids.t1, readAt: null },
    ]);
    expect(await notificationsOf(ids.alice)).toEqual([]);
  });

  it("notifies the other participants of a reply, and a mention once as a mention", async () => {
    const [file] = await handle.db
      .insert(attachments)
      .values({ storageKey: "k1", fileName: "avoir.pdf", contentType: "application/pdf", size: 2048, sha256: "x", threadId: ids.t1, uploadedById: ids.bruno })
      .returning();
    expect(await postMessage(handle.db, s.bruno, { threadId: ids.t1, body: "Parti hier, PDF joint.", attachmentIds: [file.id] }, at(10))).toMatchObject({ status: "ok" });
    expect((await notificationsOf(ids.alice)).map((n) => [n.kind, n.title])).toEqual([["thread.reply", "Bruno Petit a répondu dans « Avoir F-450 »"]]);
    expect(await notificationsOf(ids.bruno)).toHaveLength(1);

    await postMessage(handle.db, s.alice, { threadId: ids.t1, body: `Merci ${mentionToken({ id: ids.bruno, name: "Bruno Petit" })}` }, at(20));
    expect((await notificationsOf(ids.bruno)).map((n) => n.kind)).toEqual(["thread.mention", "thread.mention"]);
    expect(await notificationsOf(ids.alice)).toHaveLength(1);

    const thread = await getThread(handle.db, s.alice, ids.t1);
    expect(thread?.messages.map((m) => [m.author, m.attachments.map((a) => a.fileName)])).toEqual([
      ["Alice Martin", []],
      ["Bruno Petit", ["avoir.pdf"]],
      ["Alice Martin", []],
    ]);
  });

  it("reading a thread moves the read mark and reads its notifications", async () => {
    expect((await listThreads(handle.db, s.bruno, { clientId: ids.client }))[0].unread).toBe(true);
    await markThreadRead(handle.db, s.bruno, ids.t1, at(30));
    expect((await notificationsOf(ids.bruno)).every((n) => n.readAt !== null)).toBe(true);
    expect((await listThreads(handle.db, s.bruno, { clientId: ids.client }))[0].unread).toBe(false);
  });

  it("a forged thread id outside access changes nothing", async () => {
    expect(await postMessage(handle.db, s.sam, { threadId: ids.t1, body: "intrus" })).toEqual({ status: "not_found" });
    expect(await postMessage(handle.db, s.bruno, { threadId: ids.t2, body: "intrus" })).toEqual({ status: "not_found" });
    expect(await setThreadResolution(handle.db, s.sam, ids.t1, { note: "intrus" })).toBe(false);
    const bodies = await handle.db.select({ body: comments.body }).from(comments).where(and(eq(comments.clientId, ids.client)));
    expect(bodies.map((b) => b.body)).not.toContain("intrus");
  });

  it("resolves with a note, refuses replies while resolved, and reopens", async () => {
    expect(await setThreadResolution(handle.db, s.bruno, ids.t1, { note: "Avoir AV-12 émis." }, at(40))).toBe(true);
    expect(await getThread(handle.db, s.alice, ids.t1)).toMatchObject({ status: "resolved", resolutionNote: "Avoir AV-12 émis.", resolvedBy: "Bruno Petit" });
    expect(await postMessage(handle.db, s.alice, { threadId: ids.t1, body: "encore" })).toEqual({ status: "resolved" });
    expect(await setThreadResolution(handle.db, s.alice, ids.t1, null, at(50))).toBe(true);
    expect(await getThread(handle.db, s.alice, ids.t1)).toMatchObject({ status: "open", resolutionNote: null, resolvedBy: null });
  });
});
