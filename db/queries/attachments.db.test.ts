import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { attachments, threadParticipants, threads } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { attachToComment, findReadableAttachment, recordAttachment, resolveUploadTarget } from "./attachments";
import { loadScope } from "./scope";

const today = "2026-12-04";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};

const file = (key: string, values: { clientId: string; threadId?: string; uploadedById: string }) => ({
  storageKey: key,
  fileName: `${key}.pdf`,
  contentType: "application/pdf",
  size: 1234,
  sha256: "0".repeat(64),
  threadId: null,
  ...values,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const other = await makeEntity(db);
  for (const [key, role, entityIds] of [
    ["alice", "collector", []],
    ["bruno", "collector", []],
    ["paul", "collector", []],
    ["admin", "admin", []],
    ["sales", "sales", []],
    ["manager", "manager", [other.id]],
  ] as const) {
    ids[key] = (await makeUser(db, role, { entityIds: [...entityIds] })).id;
    scopes[key] = (await loadScope(db, ids[key], today))!;
  }
  ids.clientA = (await makeClient(db, entity.id, { collectorId: ids.alice, salesRepId: ids.sales })).id;
  ids.clientB = (await makeClient(db, entity.id, { collectorId: ids.bruno })).id;
  const [thread] = await db.insert(threads).values({ clientId: ids.clientA, title: "Litige livraison", createdById: ids.alice }).returning();
  ids.thread = thread.id;
  // Paul collects other clients: he reads this thread only because he was asked in.
  await db.insert(threadParticipants).values([
    { threadId: thread.id, userId: ids.alice },
    { threadId: thread.id, userId: ids.paul },
  ]);
  ids.posted = (await recordAttachment(db, file("posted", { clientId: ids.clientA, threadId: thread.id, uploadedById: ids.alice }))).id;
  ids.draft = (await recordAttachment(db, file("draft", { clientId: ids.clientA, threadId: thread.id, uploadedById: ids.alice }))).id;
  ids.ofB = (await recordAttachment(db, file("of-b", { clientId: ids.clientB, uploadedById: ids.bruno }))).id;
  await db.update(attachments).set({ commentId: randomUUID() }).where(eq(attachments.id, ids.posted));
});
afterAll(() => handle.close());

async function readable(user: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of ["posted", "draft", "ofB"]) {
    if (await findReadableAttachment(handle.db, scopes[user], ids[name])) found.push(name);
  }
  return found;
}

describe("findReadableAttachment", () => {
  it("lets whoever sees the client, the thread's participants and the uploader read, and nobody else", async () => {
    expect(await readable("alice")).toEqual(["posted", "draft"]);
    expect(await readable("bruno")).toEqual(["ofB"]);
    expect(await readable("paul")).toEqual(["posted"]);
    expect(await readable("admin")).toEqual(["posted", "ofB"]);
    expect(await readable("sales")).toEqual(["posted"]);
    expect(await readable("manager")).toEqual([]);
  });

  it("answers the stored name, type, size and key, and null for an unknown id", async () => {
    expect(await findReadableAttachment(handle.db, scopes.paul, ids.posted)).toEqual({
      id: ids.posted, storageKey: "posted", fileName: "posted.pdf", contentType: "application/pdf", size: 1234,
    });
    expect(await findReadableAttachment(handle.db, scopes.admin, randomUUID())).toBeNull();
  });

  it("shows a file to the thread once posted with a message, and only the uploader may post it", async () => {
    const comment = randomUUID();
    expect(await attachToComment(handle.db, scopes.paul, [ids.draft], ids.thread, comment)).toEqual([]);
    expect(await attachToComment(handle.db, scopes.alice, [ids.draft, ids.ofB], ids.thread, comment)).toEqual([ids.draft]);
    expect(await readable("paul")).toEqual(["posted", "draft"]);
    expect(await readable("bruno")).toEqual(["ofB"]);
  });
});

describe("resolveUploadTarget", () => {
  it("accepts a thread for its participants and those who see its client, a client for those who see it", async () => {
    const inThread = { clientId: ids.clientA, threadId: ids.thread };
    expect(await resolveUploadTarget(handle.db, scopes.paul, { threadId: ids.thread })).toEqual(inThread);
    expect(await resolveUploadTarget(handle.db, scopes.admin, { threadId: ids.thread })).toEqual(inThread);
    expect(await resolveUploadTarget(handle.db, scopes.bruno, { threadId: ids.thread })).toBeNull();
    expect(await resolveUploadTarget(handle.db, scopes.paul, { clientId: ids.clientA })).toBeNull();
    expect(await resolveUploadTarget(handle.db, scopes.alice, { clientId: ids.clientA })).toEqual({ clientId: ids.clientA, threadId: null });
    expect(await resolveUploadTarget(handle.db, scopes.alice, { threadId: randomUUID() })).toBeNull();
  });
});
