import { InngestTestEngine } from "@inngest/test";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows, setDatabase } from "@/db/client";
import { clients, jobRuns } from "@/db/schema";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { runJobInProcess } from "../runner";
import { dailySnapshotJob } from "./daily-snapshot";

let handle: DatabaseHandle;
let clientA: string;
let clientB: string;

type Row = { outstanding: string; overdue: string; not_due: string; aged: string[]; sales: string };

async function snapshot(date: string, clientId: string) {
  const [row] = await queryRows<Row>(
    handle.db,
    sql`select outstanding::text, overdue::text, not_due::text, aged::text[] as aged, sales::text
        from daily_snapshots where snapshot_date = ${date} and client_id = ${clientId}`,
  );
  return row;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  const { db } = handle;
  const entity = await makeEntity(db);
  clientA = (await makeClient(db, entity.id)).id;
  clientB = (await makeClient(db, entity.id)).id;
  const doc = (amount: string, issueDate: string, dueDate: string, extra = {}) =>
    makeDocument(db, clientA, { amount, issueDate, dueDate, ...extra });
  await doc("1000.00", "2026-11-10", "2026-12-10"); // not due
  await doc("500.50", "2026-10-11", "2026-11-10"); // 13 days late
  await doc("200.00", "2026-08-01", "2026-09-01"); // 83 days late
  await doc("300.00", "2026-05-01", "2026-06-01"); // 175 days late
  await doc("-150.25", "2026-11-01", "2026-11-20", { type: "credit_note" }); // 3 days late, negative
  await doc("999.00", "2026-09-01", "2026-10-01", { status: "settled", openAmount: "0", settledDate: "2026-11-01" });
  await doc("120.00", "2026-11-23", "2026-12-23"); // issued today: a sale
  await doc("50.00", "2026-10-24", "2026-11-23"); // due today: not overdue yet
  await doc("10.00", "2026-09-24", "2026-10-24"); // exactly 30 days late
  await doc("20.00", "2026-09-23", "2026-10-23"); // 31 days late
});

afterAll(() => handle.close());

describe("daily snapshot job", () => {
  it("records encours, échu and aged buckets per client, worked out by hand", async () => {
    const t = new InngestTestEngine({
      function: dailySnapshotJob.fn,
      events: [{ name: dailySnapshotJob.event, data: { date: "2026-11-23" } }],
    });
    const { result } = await t.execute();
    expect(result).toMatchObject({ date: "2026-11-23", clients: 2, outstanding: "2050.25", overdue: "880.25" });

    expect(await snapshot("2026-11-23", clientA)).toEqual({
      outstanding: "2050.25",
      overdue: "880.25",
      not_due: "1170.00",
      aged: ["360.25", "20.00", "200.00", "0.00", "300.00"],
      sales: "120.00",
    });
    expect(await snapshot("2026-11-23", clientB)).toEqual({
      outstanding: "0.00",
      overdue: "0.00",
      not_due: "0.00",
      aged: ["0.00", "0.00", "0.00", "0.00", "0.00"],
      sales: "0.00",
    });
  });

  it("copies today's figures onto the clients for the lists", async () => {
    const [row] = await handle.db.select().from(clients).where(eq(clients.id, clientA));
    expect({ outstanding: row.outstanding, overdue: row.overdue, asOf: row.balancesAsOf }).toEqual({
      outstanding: "2050.25",
      overdue: "880.25",
      asOf: "2026-11-23",
    });
  });

  it("rebuilds a past day from settlement dates, through the in-process runner, without touching today's balances", async () => {
    const result = await runJobInProcess(dailySnapshotJob, { date: "2026-10-15" });
    expect(result).toMatchObject({ date: "2026-10-15", outstanding: "2029.50", overdue: "1499.00" });
    expect(await snapshot("2026-10-15", clientA)).toMatchObject({
      outstanding: "2029.50",
      overdue: "1499.00",
      not_due: "530.50",
      aged: ["999.00", "200.00", "0.00", "0.00", "300.00"],
    });
    const [row] = await handle.db.select().from(clients).where(eq(clients.id, clientA));
    expect(row.outstanding).toBe("2050.25");
  });

  it("is safe to run twice: same rows, no duplicates, every run reported", async () => {
    await runJobInProcess(dailySnapshotJob, { date: "2026-11-23" });
    const [{ n }] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from daily_snapshots where snapshot_date = '2026-11-23'`,
    );
    expect(n).toBe(2);
    expect((await snapshot("2026-11-23", clientA)).outstanding).toBe("2050.25");
    const runs = await handle.db.select().from(jobRuns).where(eq(jobRuns.job, "daily-snapshot"));
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  });

  it("rejects a malformed date instead of guessing", async () => {
    await expect(runJobInProcess(dailySnapshotJob, { date: "23/11/2026" })).rejects.toThrow();
  });
});
