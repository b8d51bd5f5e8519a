import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { clientScoreHistory, clients } from "@/db/schema";
import { makeClientScore, makeDocumentScore, makeScoreModel } from "@/db/score-test-builders";
import { makeClient, makeDocument, makeEntity, makeGroup, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { parseClientSearch, toClientFilters, toClientSort } from "@/lib/clients/filters";
import { parseDocumentSearch, toDocumentFilters } from "@/lib/documents/filters";
import { createAlert, listAlertClients, listAlerts } from "./alerts";
import { getClientScore } from "./client-score";
import { listClients, streamClients } from "./clients";
import { listDocuments } from "./documents";
import { recomputeGroupMembership } from "./group-membership";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<"alice" | "admin", Scope> = {} as never;
const ids: Record<string, string> = {};
const docs: Record<string, number> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector", { entityIds: [entity.id] });
  const bruno = await makeUser(db, "collector", { entityIds: [entity.id] });
  const admin = await makeUser(db, "admin");
  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.admin = (await loadScope(db, admin.id, today))!;
  const client = async (key: string, values: Parameters<typeof makeClient>[2]) => (ids[key] = (await makeClient(db, entity.id, values)).id);
  await client("alpha", { name: "Alpha", collectorId: alice.id, overdue: "400.00" });
  await client("bravo", { name: "Bravo", collectorId: alice.id, overdue: "300.00" });
  await client("charlie", { name: "Charlie", collectorId: alice.id, overdue: "200.00" });
  await client("delta", { name: "Delta", collectorId: alice.id, overdue: "100.00" });
  await client("zoulou", { name: "Zoulou", collectorId: bruno.id, overdue: "900.00" });
  const model = await makeScoreModel(db, today);
  // Alpha A (10 %), Delta B (29 %, on the bound of « ≤ 29 % »), Bravo D (55 %), Zoulou E (90 %); Charlie not scored.
  await makeClientScore(db, model.id, ids.alpha, { pLate: 0.1, scoredOn: today });
  await makeClientScore(db, model.id, ids.delta, { pLate: 0.29, scoredOn: today, method: "rules" });
  await makeClientScore(db, model.id, ids.bravo, {
    pLate: 0.55,
    scoredOn: today,
    expectedLateAmount: "1234.50",
    reasons: [
      { code: "daysLate", text: "paie en moyenne 23 j après l'échéance", weight: 0.9 },
      { code: "broken", text: "2 promesses non tenues sur 90 j", weight: 0.5 },
      { code: "dispute", text: "litige ouvert", weight: 0.2 },
    ],
  });
  await makeClientScore(db, model.id, ids.zoulou, { pLate: 0.9, scoredOn: today });
  // Bravo's history: 100 days ago (out of the 90-day window), 30 days ago, and today's (written with the score).
  await db.insert(clientScoreHistory).values([
    { clientId: ids.bravo, scoredOn: "2026-08-15", grade: "B", pLate: 0.2 },
    { clientId: ids.bravo, scoredOn: "2026-10-24", grade: "C", pLate: 0.4 },
  ]);
  // Bravo's pièces: 80 %, 30 %, and one not scored.
  const doc = async (key: string, clientId: string, pLate: number | null) => {
    const row = await makeDocument(db, clientId, { amount: "100.00", issueDate: "2026-10-01", dueDate: "2026-10-31", number: key });
    docs[key] = row.id;
    if (pLate !== null) await makeDocumentScore(db, model.id, row.id, { pLate, scoredOn: today });
  };
  await doc("B-80", ids.bravo, 0.8);
  await doc("B-30", ids.bravo, 0.3);
  await doc("B-none", ids.bravo, null);
  await doc("Z-95", ids.zoulou, 0.95);
});
afterAll(() => handle.close());

const clientNames = async (scope: Scope, params: Record<string, string | string[]>) => {
  const search = parseClientSearch(params);
  const { rows } = await listClients(handle.db, scope, toClientFilters(search), toClientSort(search), today, { page: 1, pageSize: 50 });
  return rows.map((r) => [r.name, r.scoreGrade, r.scorePLate]);
};

describe("clients list by score", () => {
  it("sorts riskiest first by default, safest first on request, clients not scored last either way", async () => {
    expect(await clientNames(scopes.alice, { sort: "score" })).toEqual([
      ["Bravo", "D", 0.55],
      ["Delta", "B", 0.29],
      ["Alpha", "A", 0.1],
      ["Charlie", null, null],
    ]);
    expect((await clientNames(scopes.alice, { sort: "pLate", order: "asc" })).map((r) => r[0])).toEqual(["Alpha", "Delta", "Bravo", "Charlie"]);
    // Another collector's client is never listed, scored or not.
    expect((await clientNames(scopes.admin, { sort: "score" })).map((r) => r[0])).toEqual(["Zoulou", "Bravo", "Delta", "Alpha", "Charlie"]);
  });

  it("keeps the letters ticked, within the scope; the form's one parameter per letter reads as the links' joined one", async () => {
    expect((await clientNames(scopes.admin, { grade: ["D", "E"] })).map((r) => r[0])).toEqual(["Zoulou", "Bravo"]);
    expect((await clientNames(scopes.alice, { grade: "de" })).map((r) => r[0])).toEqual(["Bravo"]);
    expect((await clientNames(scopes.alice, { grade: "AB", sort: "name" })).map((r) => r[0])).toEqual(["Alpha", "Delta"]);
    expect(parseClientSearch({ grade: "EA" }).grade).toBe("AE");
    expect(parseClientSearch({ grade: "F" }).grade).toBeUndefined();
  });

  it("exports in the order shown", async () => {
    const search = parseClientSearch({ sort: "score" });
    const names: string[] = [];
    for await (const batch of streamClients(handle.db, scopes.alice, toClientFilters(search), toClientSort(search), today, 2)) names.push(...batch.map((r) => r.name));
    expect(names).toEqual(["Bravo", "Delta", "Alpha", "Charlie"]);
  });
});

describe("pièces by probability of paying late", () => {
  const numbers = async (params: Record<string, string>, scope = scopes.alice) => {
    const { rows } = await listDocuments(handle.db, scope, toDocumentFilters(parseDocumentSearch(params), [30, 60, 90]), today, { page: 1, pageSize: 50 });
    return rows.map((r) => [r.number, r.pLate]);
  };

  it("filters on a range in %, bounds included, leaving out pièces not scored", async () => {
    expect(await numbers({ pLateMin: "30", sort: "pLate" })).toEqual([
      ["B-80", 0.8],
      ["B-30", 0.3],
    ]);
    expect(await numbers({ pLateMin: "30", pLateMax: "50" })).toEqual([["B-30", 0.3]]);
    expect(await numbers({ pLateMax: "29,9" })).toEqual([]);
  });

  it("sorts by the probability, pièces not scored last, within the scope", async () => {
    expect((await numbers({ sort: "pLate" })).map((r) => r[0])).toEqual(["B-80", "B-30", "B-none"]);
    expect((await numbers({ sort: "pLate", order: "asc" })).map((r) => r[0])).toEqual(["B-30", "B-80", "B-none"]);
    expect((await numbers({ sort: "pLate" }, scopes.admin)).map((r) => r[0])).toEqual(["Z-95", "B-80", "B-30", "B-none"]);
  });
});

describe("groups and alerts on the score", () => {
  it("place clients by letter, by probability (bounds included) and by having no score yet", async () => {
    const risky = await makeGroup(handle.db, { name: "Risqués", priority: 1, criteria: [{ field: "scoreGrade", operator: "in", value: ["D", "E"] }] });
    const safe = await makeGroup(handle.db, { name: "Sûrs", priority: 2, criteria: [{ field: "scorePLate", operator: "lte", value: 29 }] });
    const unscored = await makeGroup(handle.db, { name: "Sans score", priority: 3, criteria: [{ field: "scoreGrade", operator: "empty", value: null }] });
    const report = await recomputeGroupMembership(handle.db, today);
    expect(report.groups.map((g) => [g.name, g.clients])).toEqual([
      ["Risqués", 2],
      ["Sûrs", 2],
      ["Sans score", 1],
    ]);
    const rows = await handle.db.select({ name: clients.name, groupId: clients.groupId }).from(clients).orderBy(clients.name);
    expect(rows.map((r) => [r.name, r.groupId])).toEqual([
      ["Alpha", safe.id],
      ["Bravo", risky.id],
      ["Charlie", unscored.id],
      ["Delta", safe.id],
      ["Zoulou", risky.id],
    ]);
  });

  it("count and list each user's clients at or above a probability", async () => {
    const criteria = [{ field: "scorePLate", operator: "gte", value: "55" }];
    await createAlert(handle.db, scopes.alice, { name: "Retard probable", criteria });
    await createAlert(handle.db, scopes.admin, { name: "Retard probable", criteria });
    expect(await listAlerts(handle.db, scopes.alice, today)).toMatchObject([{ name: "Retard probable", clients: 1, overdue: "300.00" }]);
    expect(await listAlerts(handle.db, scopes.admin, today)).toMatchObject([{ name: "Retard probable", clients: 2, overdue: "1200.00" }]);
    expect((await listAlertClients(handle.db, scopes.admin, [{ field: "scoreGrade", operator: "eq", value: "B" }], today)).map((c) => c.name)).toEqual(["Delta"]);
  });
});

describe("fiche score", () => {
  it("gives the score, its reasons and the last 90 days of its probability", async () => {
    expect(await getClientScore(handle.db, scopes.alice, ids.bravo, today)).toEqual({
      grade: "D",
      pLate: 0.55,
      expectedLateAmount: "1234.50",
      reasons: [
        { code: "daysLate", text: "paie en moyenne 23 j après l'échéance", weight: 0.9 },
        { code: "broken", text: "2 promesses non tenues sur 90 j", weight: 0.5 },
        { code: "dispute", text: "litige ouvert", weight: 0.2 },
      ],
      method: "model",
      modelKind: "logistic",
      scoredOn: today,
      history: [
        { scoredOn: "2026-10-24", pLate: 0.4 },
        { scoredOn: today, pLate: 0.55 },
      ],
    });
    expect(await getClientScore(handle.db, scopes.alice, ids.delta, today)).toMatchObject({ method: "rules", grade: "B" });
  });

  it("has nothing for a client not scored yet or outside the scope", async () => {
    expect(await getClientScore(handle.db, scopes.alice, ids.charlie, today)).toBeNull();
    expect(await getClientScore(handle.db, scopes.alice, ids.zoulou, today)).toBeNull();
    expect(await getClientScore(handle.db, scopes.admin, ids.zoulou, today)).toMatchObject({ grade: "E" });
  });
});
