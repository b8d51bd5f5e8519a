import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { loadScope } from "@/db/queries/scope";
import { createThread, postMessage, setThreadResolution } from "@/db/queries/thread-writes";
import { comments, notifications, threadParticipants, threads } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import type { Scope } from "@/lib/auth/scope";
import { mentionToken } from "@/lib/collaboration/mentions";
import { GET as list, POST as create } from "./route";
import { GET as get } from "./[id]/route";
import { GET as listComments, POST as reply } from "./[id]/comments/route";

type Thread = { id: string; title: string; client: { code: string }; status: string; document: { number: string } | null; message_count: number; created_by: { name: string } | null };
type Comment = { id: string; author: { name: string } | null; body: string; text: string; mentions: string[] };
type Page<T> = { data: T[]; next_cursor: string | null };
type Problem = { status: number; detail?: string; errors?: Record<string, string[]> };

let handle: DatabaseHandle;
const users = {} as Record<"alice" | "bruno" | "sam" | "ines", { id: string; name: string }>;
const tokens = {} as Record<"alice" | "bruno" | "sam" | "aliceReadOnly", string>;
const ids = {} as Record<"a" | "b" | "tA1" | "tA2" | "tB" | "tB2", string> & { docA: number; docB: number };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));

const notificationsOf = async (userId: string, threadId: string) =>
  (await handle.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.subjectId, threadId)))).map((n) => [n.kind, n.title]);

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  for (const [key, role, name, active] of [["alice", "collector", "Alice Martin", true], ["bruno", "collector", "Bruno Petit", true], ["sam", "sales", "Sam Roux", true], ["ines", "collector", "Inès Durand", false]] as const) {
    const user = await makeUser(db, role, { name, active });
    users[key] = { id: user.id, name };
  }
  ids.a = (await makeClient(db, entity.id, { code: "ALPHA", name: "Alpha", collectorId: users.alice.id, salesRepId: users.sam.id })).id;
  ids.b = (await makeClient(db, entity.id, { code: "BRAVO", name: "Bravo", collectorId: users.bruno.id })).id;
  ids.docA = (await makeDocument(db, ids.a, { number: "FA-1", amount: "100.00", issueDate: "2026-09-01", dueDate: "2026-10-01" })).id;
  ids.docB = (await makeDocument(db, ids.b, { number: "FB-1", amount: "100.00", issueDate: "2026-09-01", dueDate: "2026-10-01" })).id;
  const scope = async (who: "alice" | "bruno"): Promise<Scope> => (await loadScope(db, users[who].id, "2026-11-23"))!;
  const open = async (who: "alice" | "bruno", clientId: string, title: string, body: string, minutes: number, documentId?: number) => {
    const result = await createThread(db, await scope(who), { target: { clientId, documentId }, subject: "autre", title, body }, at(minutes));
    if (result.status !== "ok") throw new Error(result.status);
    return result.threadId;
  };
  ids.tA1 = await open("alice", ids.a, "Relevé demandé", "Le client veut un relevé.", 0);
  ids.tA2 = await open("alice", ids.a, "Facture FA-1", "Bon de livraison à retrouver.", 5, ids.docA);
  ids.tB = await open("bruno", ids.b, "Bravo interne", "Rien pour Alice.", 10);
  // Alice is mentioned on a Bravo thread: she takes part in it, though Bravo is not in her portfolio.
  ids.tB2 = await open("bruno", ids.b, "Avis d'Alice", `${mentionToken(users.alice)} ton avis ?`, 15);
  await postMessage(db, await scope("alice"), { threadId: ids.tA1, body: "Envoyé ce matin." }, at(20));
  for (const who of ["alice", "bruno", "sam"] as const) tokens[who] = await makeApiKey(db, users[who].id);
  tokens.aliceReadOnly = await makeApiKey(db, users.alice.id, { readOnly: true });
});
afterAll(() => handle.close());

const getList = async (token: string, query: string) => expectContract<Page<Thread>>(await callApi(list, "GET", `/api/v1/threads?${query}`, { token }), "GET", "/threads");

describe("GET /threads", () => {
  it("walks the threads a collector may read by cursor, latest activity first, never another portfolio's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: Page<Thread> = await getList(tokens.alice, `limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.data.map((t) => t.title));
      cursor = body.next_cursor;
    } while (cursor);
    // tA1 had a reply at 09:20; tB2 was opened at 09:15, tA2 at 09:05; Bruno's own Bravo thread stays out.
    expect(seen).toEqual(["Relevé demandé", "Avis d'Alice", "Facture FA-1"]);
  });

  it("filters on the client, the pièce and the status", async () => {
    const alpha = await getList(tokens.alice, `client_id=${ids.a}`);
    expect(alpha.data.map((t) => [t.title, t.message_count])).toEqual([["Relevé demandé", 2], ["Facture FA-1", 1]]);
    expect((await getList(tokens.alice, `document_id=${ids.docA}`)).data.map((t) => t.document?.number)).toEqual(["FA-1"]);
    expect((await getList(tokens.alice, "status=resolved")).data).toEqual([]);
    expect((await getList(tokens.sam, "")).data.map((t) => t.client.code)).toEqual(["ALPHA", "ALPHA"]);
  });

  it("refuses malformed filters with French messages", async () => {
    const bad = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/threads?client_id=abc&status=ferme", { token: tokens.alice }), "GET", "/threads");
    expect(bad.status).toBe(422);
    expect(bad.errors).toEqual({ client_id: ["Identifiant invalide."], status: ["« open » ou « resolved » attendu."] });
  });

  it("reads one thread; another portfolio's thread is not found", async () => {
    const one = await expectContract<Thread>(await callApi(get, "GET", `/api/v1/threads/${ids.tB2}`, { token: tokens.alice, params: { id: ids.tB2 } }), "GET", "/threads/{id}");
    expect(one).toMatchObject({ title: "Avis d'Alice", client: { code: "BRAVO" }, created_by: { name: "Bruno Petit" } });
    const hidden = await expectContract<Problem>(await callApi(get, "GET", `/api/v1/threads/${ids.tB}`, { token: tokens.alice, params: { id: ids.tB } }), "GET", "/threads/{id}");
    expect(hidden.status).toBe(404);
  });
});

describe("POST /threads", () => {
  const body = () => ({
    client_id: ids.a,
    document_id: ids.docA,
    subject: "demande_avoir",
    title: "Avoir FA-1",
    body: `${mentionToken(users.bruno)} et ${mentionToken(users.ines)}, un avoir est demandé.`,
  });

  it("opens a thread whose mentions notify the active users mentioned, once for a replayed key", async () => {
    const headers = { "Idempotency-Key": "avoir-fa-1" };
    const first = await callApi(create, "POST", "/api/v1/threads", { token: tokens.alice, body: body(), headers });
    const opened = await expectContract<Thread>(first, "POST", "/threads");
    expect(first.status).toBe(201);
    expect(opened).toMatchObject({ title: "Avoir FA-1", status: "open", document: { number: "FA-1" }, message_count: 1, created_by: { name: "Alice Martin" } });
    const replay = await callApi(create, "POST", "/api/v1/threads", { token: tokens.alice, body: body(), headers });
    expect((await expectContract<Thread>(replay, "POST", "/threads")).id).toBe(opened.id);
    expect(await handle.db.select().from(threads).where(eq(threads.title, "Avoir FA-1"))).toHaveLength(1);
    // Inès is deactivated: mentioned in the text, but neither notified nor a participant.
    expect(await notificationsOf(users.bruno.id, opened.id)).toEqual([["thread.mention", "Alice Martin vous a mentionné dans « Avoir FA-1 »"]]);
    expect(await notificationsOf(users.ines.id, opened.id)).toEqual([]);
    const participants = await handle.db.select({ userId: threadParticipants.userId }).from(threadParticipants).where(eq(threadParticipants.threadId, opened.id));
    expect(participants.map((p) => p.userId).sort()).toEqual([users.alice.id, users.bruno.id].sort());
    // Mentioned, Bruno reads it though Alpha is not his.
    const asBruno = await callApi(get, "GET", `/api/v1/threads/${opened.id}`, { token: tokens.bruno, params: { id: opened.id } });
    expect((await expectContract<Thread>(asBruno, "GET", "/threads/{id}")).title).toBe("Avoir FA-1");
  });

  it("refuses another portfolio's client and a pièce of another client (404), bad fields (422), a read-only key (403)", async () => {
    const post = (token: string, payload: unknown) => callApi(create, "POST", "/api/v1/threads", { token, body: payload });
    expect((await expectContract<Problem>(await post(tokens.alice, { ...body(), client_id: ids.b, document_id: null }), "POST", "/threads")).status).toBe(404);
    expect((await expectContract<Problem>(await post(tokens.alice, { ...body(), document_id: ids.docB }), "POST", "/threads")).status).toBe(404);
    const fields = await expectContract<Problem>(await post(tokens.alice, { client_id: ids.a, subject: "météo", title: " ", body: "" }), "POST", "/threads");
    expect(fields.errors).toEqual({ "body.subject": ["Sujet inconnu."], "body.title": ["Donnez un titre."], "body.body": ["Écrivez un message."] });
    const readOnly = await expectContract<Problem>(await post(tokens.aliceReadOnly, { ...body(), title: "Lecture seule" }), "POST", "/threads");
    expect(readOnly.status).toBe(403);
    expect(await handle.db.select().from(threads).where(eq(threads.title, "Lecture seule"))).toHaveLength(0);
  });
});

describe("/threads/{id}/comments", () => {
  const url = (id: string, query = "") => `/api/v1/threads/${id}/comments${query}`;

  it("lists a thread's messages oldest first by cursor", async () => {
    const seen: Comment[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await callApi(listComments, "GET", url(ids.tA1, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`), { token: tokens.alice, params: { id: ids.tA1 } });
      const body: Page<Comment> = await expectContract<Page<Comment>>(response, "GET", "/threads/{id}/comments");
      seen.push(...body.data);
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((c) => [c.author?.name, c.body])).toEqual([["Alice Martin", "Le client veut un relevé."], ["Alice Martin", "Envoyé ce matin."]]);
    const mention = await expectContract<Page<Comment>>(await callApi(listComments, "GET", url(ids.tB2), { token: tokens.alice, params: { id: ids.tB2 } }), "GET", "/threads/{id}/comments");
    expect(mention.data[0]).toMatchObject({ text: "@Alice Martin ton avis ?", mentions: [users.alice.id] });
    const hidden = await callApi(listComments, "GET", url(ids.tB), { token: tokens.alice, params: { id: ids.tB } });
    expect((await expectContract<Problem>(hidden, "GET", "/threads/{id}/comments")).status).toBe(404);
  });

  it("posts a reply that tells the other participants, once for a replayed key", async () => {
    const headers = { "Idempotency-Key": "reponse-releve" };
    const send = () => callApi(reply, "POST", url(ids.tB2), { token: tokens.alice, params: { id: ids.tB2 }, body: { body: "D'accord pour moi." }, headers });
    const first = await send();
    const posted = await expectContract<Comment>(first, "POST", "/threads/{id}/comments");
    expect(first.status).toBe(201);
    expect(posted).toMatchObject({ author: { name: "Alice Martin" }, body: "D'accord pour moi.", mentions: [] });
    expect((await expectContract<Comment>(await send(), "POST", "/threads/{id}/comments")).id).toBe(posted.id);
    expect(await handle.db.select().from(comments).where(eq(comments.body, "D'accord pour moi."))).toHaveLength(1);
    expect(await notificationsOf(users.bruno.id, ids.tB2)).toEqual([["thread.reply", "Alice Martin a répondu dans « Avis d'Alice »"]]);
  });

  it("refuses a resolved thread (409), another portfolio's (404), an empty message (422) and a read-only key (403)", async () => {
    await setThreadResolution(handle.db, (await loadScope(handle.db, users.alice.id, "2026-11-23"))!, ids.tA2, { note: "Retrouvé." });
    const post = (token: string, id: string, body: unknown) => callApi(reply, "POST", url(id), { token, params: { id }, body });
    const resolved = await expectContract<Problem>(await post(tokens.alice, ids.tA2, { body: "Encore ?" }), "POST", "/threads/{id}/comments");
    expect([resolved.status, resolved.detail]).toEqual([409, "Discussion résolue : rouvrez-la pour répondre."]);
    expect((await expectContract<Problem>(await post(tokens.alice, ids.tB, { body: "Intrusion" }), "POST", "/threads/{id}/comments")).status).toBe(404);
    const empty = await expectContract<Problem>(await post(tokens.alice, ids.tA1, { body: "   " }), "POST", "/threads/{id}/comments");
    expect(empty.errors).toEqual({ "body.body": ["Écrivez un message."] });
    expect((await expectContract<Problem>(await post(tokens.aliceReadOnly, ids.tA1, { body: "Lecture seule" }), "POST", "/threads/{id}/comments")).status).toBe(403);
    expect(await handle.db.select().from(comments).where(eq(comments.threadId, ids.tB))).toHaveLength(1);
  });
});
