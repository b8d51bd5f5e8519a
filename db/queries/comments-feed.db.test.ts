import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions, comments } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { listCommentsFeed } from "./comments-feed";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<"alice" | "admin", Scope> = {} as never;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector", { name: "Alice" });
  const bruno = await makeUser(db, "collector", { name: "Bruno" });
  const admin = await makeUser(db, "admin", { name: "Claire" });
  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.admin = (await loadScope(db, admin.id, today))!;
  const mine = await makeClient(db, entity.id, { name: "Alpha", collectorId: alice.id });
  const theirs = await makeClient(db, entity.id, { name: "Bravo", collectorId: bruno.id });
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));
  const [first] = await db.insert(comments).values({ clientId: mine.id, authorId: alice.id, body: "Client rappelé, attend un avoir.", createdAt: at(0) }).returning();
  await db.insert(comments).values([
    { clientId: mine.id, authorId: admin.id, parentId: first.id, body: "Avoir validé par le commercial.", createdAt: at(10) },
    { clientId: theirs.id, authorId: bruno.id, body: "Chez Bravo, rien à signaler.", createdAt: at(20) },
  ]);
  await db.insert(actions).values([
    { clientId: mine.id, type: "call", mode: "manual", plannedDate: today, status: "done", outcome: "joint", note: "Règlement promis vendredi.", doneById: alice.id, doneAt: at(30) },
    { clientId: mine.id, type: "call", mode: "manual", plannedDate: today, status: "done", outcome: "non_joint", note: " ", doneById: alice.id, doneAt: at(40) },
  ]);
});
afterAll(() => handle.close());

describe("comments feed", () => {
  it("lists comments, replies and call notes on the user's own clients, newest first", async () => {
    const feed = await listCommentsFeed(handle.db, scopes.alice);
    expect(feed.map((f) => [f.kind, f.clientName, f.author, f.body])).toEqual([
      ["note", "Alpha", "Alice", "Règlement promis vendredi."],
      ["comment", "Alpha", "Claire", "Avoir validé par le commercial."],
      ["comment", "Alpha", "Alice", "Client rappelé, attend un avoir."],
    ]);
    expect(feed[0]).toMatchObject({ actionType: "call", actionOutcome: "joint" });
    expect(feed[1].replyTo).toEqual({ author: "Alice", body: "Client rappelé, attend un avoir." });
    expect((await listCommentsFeed(handle.db, scopes.admin)).map((f) => f.clientName)).toEqual(["Alpha", "Bravo", "Alpha", "Alpha"]);
  });

  it("pages back in time", async () => {
    const [newest] = await listCommentsFeed(handle.db, scopes.alice, { limit: 1 });
    const older = await listCommentsFeed(handle.db, scopes.alice, { before: newest.at });
    expect(older.map((f) => f.body)).toEqual(["Avoir validé par le commercial.", "Client rappelé, attend un avoir."]);
  });
});
