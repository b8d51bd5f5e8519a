/**
 * One message per client, day and channel: automatic steps of one channel falling on the same client and day go
 * out as the highest step, for all their documents; the others are cancelled as « Regroupée avec … ».
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { actions } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeGroup, makeScenario } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { evaluateScenarios } from "./evaluate";

const D = "2026-11-15";
const H = 7;
let handle: DatabaseHandle;
const ids: Record<string, string> = {};

type Row = { offset: number; planned: string; status: string; type: string; amount: string; reason: string | null; docs: string[] };

async function listActions(clientId: string): Promise<Row[]> {
  return queryRows<Row>(
    handle.db,
    sql`select a.step_offset_days as offset, a.planned_date::text as planned, a.status::text as status, a.type::text as type,
          a.amount_covered::text as amount, a.cancel_reason as reason,
          coalesce(array_agg(d.number order by d.number) filter (where d.id is not null), '{}') as docs
        from actions a left join action_documents ad on ad.action_id = a.id left join documents d on d.id = ad.document_id
        where a.client_id = ${clientId}
        group by a.id order by a.planned_date, a.step_offset_days, a.status`,
  );
}

const brief = (rows: Row[]) => rows.map((r) => `${r.offset} ${r.planned} ${r.status} ${r.docs.join("+")}`);

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const scenario = await makeScenario(db, "Standard", [
    { label: "Préventif", offsetDays: -5, actionType: "email", mode: "automatic" },
    { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" },
    { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual" },
    { label: "Appel de suivi", offsetDays: 20, actionType: "call", mode: "manual" },
    { label: "Lettre", offsetDays: 30, actionType: "letter", mode: "automatic_to_confirm" },
    { label: "Mise en demeure", offsetDays: 45, actionType: "formal_notice", mode: "automatic_to_confirm" },
  ]);
  const group = await makeGroup(db, { name: "Tous", priority: 1, scenarioId: scenario.id });
  const doc = (clientId: string, number: string, dueDate: string, amount: string) =>
    makeDocument(db, clientId, { number, amount, issueDate: "2026-08-01", dueDate });
  for (const name of ["A", "B", "C", "E", "F", "G"]) ids[name] = (await makeClient(db, entity.id, { name, groupId: group.id })).id;

  await doc(ids.A, "P", "2026-10-01", "1200.50"); // every step passed: J+45 on D
  await doc(ids.A, "Q", "2026-10-16", "830.25"); // J+30 on D
  await doc(ids.B, "R", "2026-11-10", "400.00"); // J+5 e-mail on D
  await doc(ids.B, "S", "2026-10-16", "600.00"); // J+30 letter on D
  await doc(ids.C, "T", "2026-10-16", "700.00"); // J+30 letter on D, alone
  await doc(ids.E, "E1", "2026-11-16", "100.00"); // J-5 passed (11-11), J+5 on 11-21 within the horizon
  await doc(ids.E, "E2", "2026-11-10", "250.00"); // J+5 on D
  await doc(ids.F, "F1", "2026-10-31", "300.00"); // J+15 call on D, J+20 call on 11-20
  await doc(ids.F, "F2", "2026-10-26", "500.00"); // J+20 call on D
  await doc(ids.G, "G1", "2026-10-23", "900.00"); // J+20 call on D, J+30 letter on 11-22
});
afterAll(() => handle.close());

describe("one message per client, day and channel", () => {
  it("sends the highest step for all the documents and cancels the lower one with the reason", async () => {
    const report = await evaluateScenarios(handle.db, D, H);
    const a = await listActions(ids.A);
    expect(brief(a)).toEqual(["30 2026-11-15 cancelled ", "45 2026-11-15 to_confirm P+Q"]);
    expect(a[1].type).toBe("formal_notice");
    expect(a[1].amount).toBe("2030.75");
    expect(a[0].reason).toBe("Regroupée avec Mise en demeure");
    // A: the letter; E: the preventive e-mail.
    expect(report.mergedActions).toBe(2);
  });

  it("lets steps of different channels on the same day both go out", async () => {
    const b = await listActions(ids.B);
    expect(brief(b)).toEqual(["5 2026-11-15 scheduled R", "30 2026-11-15 to_confirm S"]);
    expect(b.map((r) => r.amount)).toEqual(["400.00", "600.00"]);
  });

  it("leaves other clients alone", async () => {
    expect(brief(await listActions(ids.C))).toEqual(["30 2026-11-15 to_confirm T"]);
  });

  it("counts a raised document as reminded at the kept step", async () => {
    const e = await listActions(ids.E);
    // E1's J-5 joins E2's J+5 on D; its own J+5 on 11-21 has nothing left to chase.
    expect(brief(e)).toEqual(["-5 2026-11-15 cancelled ", "5 2026-11-15 scheduled E1+E2", "5 2026-11-21 cancelled "]);
    expect(e.map((r) => r.reason)).toEqual(["Regroupée avec Relance", null, "Sans objet"]);
    expect(e[1].amount).toBe("350.00");
  });

  it("never merges manual actions", async () => {
    expect(brief(await listActions(ids.F))).toEqual([
      "15 2026-11-15 planned F1",
      "20 2026-11-15 planned F2",
      "20 2026-11-20 planned F1",
    ]);
  });

  it("changes nothing when run again", async () => {
    const before = await Promise.all(Object.values(ids).map(listActions));
    const report = await evaluateScenarios(handle.db, D, H);
    expect(report).toMatchObject({ createdActions: 0, coveredDocuments: 0, mergedActions: 0, cancelledEmpty: 0 });
    expect(await Promise.all(Object.values(ids).map(listActions))).toEqual(before);
  });

  it("cancels a confirmed letter for a mise en demeure the same day, which still awaits its own confirmation", async () => {
    const { db } = handle;
    const confirmed = await db.update(actions).set({ status: "scheduled", confirmedAt: new Date() })
      .where(and(eq(actions.clientId, ids.G), eq(actions.status, "to_confirm"))).returning({ planned: actions.plannedDate });
    expect(confirmed).toEqual([{ planned: "2026-11-22" }]);
    // G2's J+30 has passed (11-07) and its J+45 falls on 11-22, the day of G1's confirmed letter.
    await makeDocument(db, ids.G, { number: "G2", amount: "1500.00", issueDate: "2026-08-01", dueDate: "2026-10-08" });
    const report = await evaluateScenarios(db, D, H);
    expect(report.mergedActions).toBe(1);
    const g = await listActions(ids.G);
    expect(brief(g)).toEqual([
      "20 2026-11-15 planned G1",
      "30 2026-11-15 to_confirm G2",
      "30 2026-11-22 cancelled ",
      "45 2026-11-22 to_confirm G1+G2",
    ]);
    expect(g[2].reason).toBe("Regroupée avec Mise en demeure");
    expect(g[3].amount).toBe("2400.00");
  });
});
