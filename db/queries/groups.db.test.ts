import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { clients } from "@/db/schema";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { recomputeGroupMembership } from "./group-membership";
import { createGroup, deleteGroup, groupNameTaken, listGroups, moveGroup, updateGroup } from "./groups";

const today = "2026-11-23";
let handle: DatabaseHandle;
const clientIds: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db);
  const paris = await makeClient(handle.db, entity.id, { name: "Paris Gros", department: "75", outstanding: "20000.00" });
  const lyon = await makeClient(handle.db, entity.id, { name: "Lyon Gros", department: "69", outstanding: "15000.00" });
  const small = await makeClient(handle.db, entity.id, { name: "Paris Petit", department: "92", outstanding: "500.00" });
  Object.assign(clientIds, { paris: paris.id, lyon: lyon.id, small: small.id });
});
afterAll(() => handle.close());

async function groupOf(client: string) {
  const [row] = await handle.db.select({ groupId: clients.groupId }).from(clients).where(eq(clients.id, clientIds[client]));
  return row.groupId;
}

/** A write followed by the recompute, in one transaction, as the server actions do. */
function save<T>(write: (tx: Parameters<Parameters<DatabaseHandle["db"]["transaction"]>[0]>[0]) => Promise<T>) {
  return handle.db.transaction(async (tx) => {
    const result = await write(tx);
    await recomputeGroupMembership(tx, today);
    return result;
  });
}

describe("groups", () => {
  let idf = "";
  let big = "";

  it("creates groups last in priority order and puts clients in them", async () => {
    idf = await save((tx) => createGroup(tx, { name: "Île-de-France", scenarioId: null, criteria: [{ field: "department", operator: "in", value: ["75", "92"] }] }));
    big = await save((tx) => createGroup(tx, { name: "Gros encours", scenarioId: null, criteria: [{ field: "outstanding", operator: "gt", value: 10000 }] }));
    expect((await listGroups(handle.db)).map((g) => [g.name, g.priority])).toEqual([["Île-de-France", 1], ["Gros encours", 2]]);
    expect([await groupOf("paris"), await groupOf("lyon"), await groupOf("small")]).toEqual([idf, big, idf]);
  });

  it("finds taken names ignoring case, except the group itself", async () => {
    expect(await groupNameTaken(handle.db, " île-de-france ")).toBe(true);
    expect(await groupNameTaken(handle.db, "Île-de-France", idf)).toBe(false);
    expect(await groupNameTaken(handle.db, "Autre")).toBe(false);
  });

  it("moves a client to the right group after an update", async () => {
    await save((tx) => updateGroup(tx, idf, { name: "Paris", scenarioId: null, criteria: [{ field: "department", operator: "eq", value: "75" }] }));
    expect([await groupOf("paris"), await groupOf("small")]).toEqual([idf, null]);
  });

  it("swaps priorities, which changes membership, and refuses to move past the ends", async () => {
    expect(await save((tx) => moveGroup(tx, big, "up"))).toBe(true);
    expect((await listGroups(handle.db)).map((g) => g.name)).toEqual(["Gros encours", "Paris"]);
    expect(await groupOf("paris")).toBe(big);
    expect(await moveGroup(handle.db, big, "up")).toBe(false);
    expect(await moveGroup(handle.db, idf, "down")).toBe(false);
    expect(await save((tx) => moveGroup(tx, big, "down"))).toBe(true);
    expect(await groupOf("paris")).toBe(idf);
  });

  it("deletes a group and its clients fall to the next one", async () => {
    expect(await save((tx) => deleteGroup(tx, idf))).toBe("Paris");
    expect(await groupOf("paris")).toBe(big);
    expect(await deleteGroup(handle.db, idf)).toBeNull();
  });
});
