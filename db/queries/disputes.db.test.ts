import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { documents } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { closeDisputes, countOpenDisputes, openDisputes } from "./disputes";
import { loadScope } from "./scope";

let handle: DatabaseHandle;
const docs: Record<string, number> = {};
const users: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  users.alice = (await makeUser(db, "collector")).id;
  users.bruno = (await makeUser(db, "collector")).id;
  const a = await makeClient(db, entity.id, { collectorId: users.alice });
  const b = await makeClient(db, entity.id, { collectorId: users.bruno });
  const base = { issueDate: "2026-10-01", dueDate: "2026-10-31" };
  docs.a1 = (await makeDocument(db, a.id, { ...base, number: "A1", amount: "10.00" })).id;
  docs.a2 = (await makeDocument(db, a.id, { ...base, number: "A2", amount: "20.00", status: "settled", openAmount: "0" })).id;
  docs.b1 = (await makeDocument(db, b.id, { ...base, number: "B1", amount: "30.00" })).id;
});
afterAll(() => handle.close());

describe("bulk dispute flag", () => {
  it("flags only open documents of the user's scope, once", async () => {
    const alice = (await loadScope(handle.db, users.alice, "2026-11-23"))!;
    expect(await openDisputes(handle.db, alice, [docs.a1, docs.a2, docs.b1], "Livraison incomplète")).toBe(1);
    expect(await openDisputes(handle.db, alice, [docs.a1], "Encore")).toBe(0);
    const rows = await handle.db.select({ number: documents.number, disputed: documents.disputed }).from(documents).orderBy(asc(documents.number));
    expect(rows).toEqual([
      { number: "A1", disputed: true },
      { number: "A2", disputed: false },
      { number: "B1", disputed: false },
    ]);
    expect(await countOpenDisputes(handle.db, [docs.a1, docs.a2, docs.b1])).toBe(1);
  });

  it("closes a dispute only within the user's scope, and the document is chased again", async () => {
    const bruno = (await loadScope(handle.db, users.bruno, "2026-11-23"))!;
    const alice = (await loadScope(handle.db, users.alice, "2026-11-23"))!;
    expect(await closeDisputes(handle.db, bruno, [docs.a1])).toBe(0);
    expect(await countOpenDisputes(handle.db, [docs.a1])).toBe(1);
    expect(await closeDisputes(handle.db, alice, [docs.a1, docs.b1])).toBe(1);
    expect(await countOpenDisputes(handle.db, [docs.a1])).toBe(0);
    const [a1] = await handle.db.select({ disputed: documents.disputed }).from(documents).where(eq(documents.id, docs.a1));
    expect(a1.disputed).toBe(false);
    expect(await openDisputes(handle.db, alice, [docs.a1], "Nouveau litige")).toBe(1);
  });
});
