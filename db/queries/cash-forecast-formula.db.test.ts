import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "@/db/client";
import { documentScores, scoreModels } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { addDays } from "@/lib/dates";
import { weekProbabilities } from "@/lib/scoring/cash-forecast";
import { computeCashForecast } from "./cash-forecast";

// A Sunday: week 0 holds today only.
const today = "2026-03-08";
let handle: DatabaseHandle;
// Due and expected dates around today: overdue by years to due in months, expected on time to 200 days late.
const cases = [-900, -200, -61, -30, -8, -1, 0, 1, 3, 10, 40, 90, 120].flatMap((due) =>
  [0, 2, 15, 45, 200].map((late) => ({ dueDate: addDays(today, due), expectedPaymentDate: addDays(today, due + late), open: 1234.56 })),
);
const byCollector = new Map<string, (typeof cases)[number]>();

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const [model] = await db.insert(scoreModels).values({ kind: "rules", graceDays: 0, features: [], trainedOn: 0, trainedTo: today }).returning();
  // One collector per invoice, so each row of cash_forecasts is one invoice's week.
  for (const c of cases) {
    const collector = await makeUser(db, "collector");
    const client = await makeClient(db, entity.id, { collectorId: collector.id });
    const document = await makeDocument(db, client.id, { amount: String(c.open), issueDate: "2023-01-01", dueDate: c.dueDate });
    await db.insert(documentScores).values({ documentId: document.id, modelId: model.id, pLate: 0.5, expectedPaymentDate: c.expectedPaymentDate, scoredOn: today });
    byCollector.set(collector.id, c);
  }
  await computeCashForecast(db, today);
});
afterAll(() => handle.close());

it("computes in SQL the same weekly probabilities as weekProbabilities, from years overdue to months ahead", async () => {
  const rows = await queryRows<{ collector_id: string; expected: string[]; variance: number[] }>(
    handle.db,
    sql`select collector_id::text, array_agg(expected::text order by week_start) as expected, array_agg(variance order by week_start) as variance
      from cash_forecasts group by collector_id`,
  );
  expect(rows).toHaveLength(cases.length);
  for (const row of rows) {
    const c = byCollector.get(row.collector_id)!;
    const p = weekProbabilities({ today, dueDate: c.dueDate, expectedPaymentDate: c.expectedPaymentDate, pLate: 0.5, weeks: 13 });
    row.expected.forEach((e, w) => expect(Math.abs(Number(e) - c.open * p[w]), `${JSON.stringify(c)} week ${w}`).toBeLessThanOrEqual(0.005 + 1e-9));
    row.variance.forEach((v, w) => expect(v).toBeCloseTo(c.open * c.open * p[w] * (1 - p[w]), 4));
  }
});
