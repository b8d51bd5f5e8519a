import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { createRandom } from "@/db/seed/random";
import { actions, documents } from "@/db/schema";
import { makeClient, makeEntity, makeGroup, makeScenario } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { addDays } from "@/lib/dates";
import { evaluateScenarios } from "@/lib/collection/evaluate";
import { simulateNights } from "@/lib/collection/preview";
import { loadPreviewCandidates } from "./engine-preview";

async function previewNights(args: { date: string; nights: number; scenarioId?: string }) {
  const loaded = await loadPreviewCandidates(handle.db, { ...args, until: addDays(args.date, args.nights - 1 + H) });
  return simulateNights({ ...args, horizonDays: H, ...loaded });
}

const D = "2026-11-23";
const H = 7;
const NIGHTS = 30;
let handle: DatabaseHandle;
let scenarios: Record<"standard" | "short", string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const standard = await makeScenario(db, "Standard", [
    { label: "Préventif", offsetDays: -5, actionType: "email", mode: "automatic" },
    { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" },
    { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual", minAmount: "500" },
    { label: "Lettre", offsetDays: 30, actionType: "letter", mode: "automatic_to_confirm" },
  ]);
  const short = await makeScenario(db, "Court", [{ label: "Relance", offsetDays: 10, actionType: "email", mode: "automatic" }]);
  scenarios = { standard: standard.id, short: short.id };
  const groupIds = [
    (await makeGroup(db, { name: "Standard", priority: 1, scenarioId: standard.id })).id,
    (await makeGroup(db, { name: "Court", priority: 2, scenarioId: short.id })).id,
  ];
  const random = createRandom(30);
  const clientIds: string[] = [];
  for (let i = 0; i < 10; i++) clientIds.push((await makeClient(db, entity.id, { groupId: groupIds[i % 3 === 0 ? 1 : 0] })).id);
  await db.insert(documents).values(
    Array.from({ length: 120 }, (_, i) => {
      const dueDate = addDays(D, random.int(-70, 45));
      const amount = `${random.int(50, 900)}.00`;
      return { clientId: clientIds[i % 10], type: "invoice" as const, number: `F${i}`, issueDate: addDays(dueDate, -30), dueDate, amount, openAmount: amount };
    }),
  );
  // Some actions exist already: the preview starts from them, as the engine would.
  await evaluateScenarios(db, addDays(D, -3), H);
  // Old invoices imported since: several of their steps are already reached.
  await db.insert(documents).values(
    Array.from({ length: 15 }, (_, i) => {
      const dueDate = addDays(D, -random.int(20, 60));
      return { clientId: clientIds[i % 10], type: "invoice" as const, number: `R${i}`, issueDate: addDays(dueDate, -30), dueDate, amount: "600.00", openAmount: "600.00" };
    }),
  );
});
afterAll(() => handle.close());

describe("preview of the next nights", () => {
  it("announces exactly what thirty real nightly runs then create, night by night and step by step", async () => {
    const preview = await previewNights({ date: D, nights: NIGHTS });
    const [{ before }] = await queryRows<{ before: number }>(handle.db, sql`select count(*)::int as before from actions`);
    expect(before).toBeGreaterThan(0);

    const created: { night: string; stepId: string; actions: number; amount: string }[] = [];
    for (let n = 0; n < NIGHTS; n++) {
      const night = addDays(D, n);
      const start = new Date();
      await evaluateScenarios(handle.db, night, H);
      const rows = await queryRows<{ stepId: string; actions: number; amount: string }>(
        handle.db,
        sql`select step_id as "stepId", count(*)::int as actions, sum(amount_covered)::text as amount from ${actions}
            where created_at >= ${start.toISOString()}::timestamptz and status <> 'cancelled' group by step_id`,
      );
      created.push(...rows.map((r) => ({ night, ...r })));
    }
    const key = (r: { night: string; stepId: string }) => `${r.night} ${r.stepId}`;
    const sort = <T extends { night: string; stepId: string }>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(preview)).toEqual(sort(created));
    expect(created.length).toBeGreaterThan(10);
    // Steps of one channel fell together on some days: the preview followed the merges too.
    const [{ merged }] = await queryRows<{ merged: number }>(
      handle.db,
      sql`select count(*)::int as merged from ${actions} where cancel_reason like 'Regroupée avec %'`,
    );
    expect(merged).toBeGreaterThan(0);
  });

  it("narrows to one scenario and writes nothing", async () => {
    const [{ before }] = await queryRows<{ before: number }>(handle.db, sql`select count(*)::int as before from actions`);
    const { candidates } = await loadPreviewCandidates(handle.db, { date: D, until: addDays(D, 60), scenarioId: scenarios.short });
    const shortSteps = await queryRows<{ id: string }>(handle.db, sql`select id from scenario_steps where scenario_id = ${scenarios.short}`);
    expect(candidates.length).toBeGreaterThan(0);
    expect(new Set(candidates.map((c) => c.stepId))).toEqual(new Set(shortSteps.map((s) => s.id)));
    const [{ after }] = await queryRows<{ after: number }>(handle.db, sql`select count(*)::int as after from actions`);
    expect(after).toBe(before);
  });
});
