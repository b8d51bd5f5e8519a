import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { setOption } from "@/db/queries/settings";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import { GET } from "./route";

type Bucket = { label: string; min_days: number | null; max_days: number | null; amount: string; clients: number };
type Kpis = {
  as_of: string | null;
  outstanding: string;
  overdue: string;
  not_due: string;
  overdue_share: number | null;
  dso: number;
  bpdso: number;
  add: number;
  dbt: number | null;
  cei: number | null;
  recovery_rate: number | null;
  aged_balance: { aging_limits: number[]; clients: number; buckets: Bucket[] };
  previous: unknown;
};
type Problem = { status: number; detail?: string; errors?: Record<string, string[]> };

// D = 15/11/2026, balance âgée set in Paramétrage to 1–30 j, 31–60 j, > 60 j.
const D = "2026-11-15";
let handle: DatabaseHandle;
const ids = { e1: "", alice: "", bruno: "" };
const tokens = { admin: "", alice: "" };

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const { db } = handle;
  await setOption(db, "agingLimits", [30, 60]);
  const e1 = await makeEntity(db, "DIST");
  const e2 = await makeEntity(db, "SERV");
  ids.e1 = e1.id;
  const admin = await makeUser(db, "admin");
  const alice = await makeUser(db, "collector");
  const bruno = await makeUser(db, "collector");
  Object.assign(ids, { alice: alice.id, bruno: bruno.id });
  const a = await makeClient(db, e1.id, { collectorId: alice.id });
  const b = await makeClient(db, e1.id, { collectorId: bruno.id });
  const c = await makeClient(db, e2.id, { collectorId: alice.id });
  // Days late on D: A2 26 (due 20/10), B1 66 (10/09), B2 45 (01/10), C2 36 (10/10); A1 and C1 not due yet.
  await makeDocument(db, a.id, { number: "A1", issueDate: "2026-11-01", dueDate: "2026-12-01", amount: "1000.00" });
  await makeDocument(db, a.id, { number: "A2", issueDate: "2026-09-20", dueDate: "2026-10-20", amount: "400.00" });
  await makeDocument(db, b.id, { number: "B1", issueDate: "2026-08-01", dueDate: "2026-09-10", amount: "700.00" });
  await makeDocument(db, b.id, { number: "B2", issueDate: "2026-09-01", dueDate: "2026-10-01", amount: "500.00", openAmount: "300.00" });
  await makeDocument(db, c.id, { number: "C1", issueDate: "2026-10-10", dueDate: "2026-11-30", amount: "250.00" });
  await makeDocument(db, c.id, { number: "C2", issueDate: "2026-10-01", dueDate: "2026-10-10", amount: "600.00" });
  await recordDailySnapshot(db, D);
  tokens.admin = await makeApiKey(db, admin.id);
  tokens.alice = await makeApiKey(db, alice.id);
});
afterAll(() => handle.close());

const read = async (query: string, token: string) => expectContract<Kpis>(await callApi(GET, "GET", `/api/v1/kpis${query}`, { token }), "GET", "/kpis");
const bucket = (label: string, min: number | null, max: number | null, amount: string, clients: number) => ({ label, min_days: min, max_days: max, amount, clients });

describe("GET /kpis", () => {
  it("gives an administrator the whole book's indicators, as the home page computes them", async () => {
    const kpis = await read("", tokens.admin);
    expect(kpis.as_of).toBe(D);
    // Encours 1 000 + 400 + 700 + 300 + 250 + 600 = 3 250; échu A2 400 + B1 700 + B2 300 + C2 600 = 2 000; non échu 1 250.
    expect(kpis).toMatchObject({ outstanding: "3250.00", overdue: "2000.00", not_due: "1250.00", overdue_share: 0.6154 });
    expect(kpis.aged_balance).toEqual({
      aging_limits: [30, 60],
      clients: 3,
      buckets: [
        bucket("Non échu", null, 0, "1250.00", 2), // A1, C1
        bucket("1–30 j", 1, 30, "400.00", 1), // A2
        bucket("31–60 j", 31, 60, "900.00", 2), // B2 300 + C2 600
        bucket("> 60 j", 61, null, "700.00", 1), // B1
      ],
    });
    // Sales: Nov 1 000 (A1), Oct 850 (C1, C2), Sep 900 (A2, B2 at its full 500), Aug 700 (B1).
    // DSO on 3 250: Nov → 15 d, 2 250 left; Oct → 46 d, 1 400; Sep → 76 d, 500; Aug 500 / 700 × 31 = 22.14 → 98.14.
    // BPDSO on 1 250: Nov → 15 d, 250 left; Oct 250 / 850 × 31 = 9.12 → 24.12. ADD = 98.143 − 24.118 = 74.03.
    expect(kpis).toMatchObject({ dso: 98.14, bpdso: 24.12, add: 74.03 });
    // DBT: (400 × 26 + 700 × 66 + 300 × 45 + 600 × 36) / 2 000 = 91 700 / 2 000.
    expect(kpis.dbt).toBe(45.85);
    // Recovery over 17/10–15/11: only A2 (due 20/10) fell due, 400, of which nothing is paid.
    expect(kpis.recovery_rate).toBe(0);
    // No snapshot of 31/10 (CEI) nor of 30 days before.
    expect(kpis).toMatchObject({ cei: null, previous: null });
  });

  it("gives a collector's key only their portfolio, whatever collector it asks for", async () => {
    const mine = await read("", tokens.alice);
    // A and C: 1 000 + 400 + 250 + 600 = 2 250, échu A2 400 + C2 600.
    expect(mine).toMatchObject({ outstanding: "2250.00", overdue: "1000.00", not_due: "1250.00" });
    expect(mine.aged_balance.buckets.map((b) => [b.amount, b.clients])).toEqual([["1250.00", 2], ["400.00", 1], ["600.00", 1], ["0.00", 0]]);
    // Alice's sales: Nov 1 000, Oct 850, Sep 400. 2 250 → 15 d, 1 250; → 46 d, 400; Sep 400 exactly → 76 d.
    expect(mine.dso).toBe(76);
    const bruno = await read(`?collector_id=${ids.bruno}`, tokens.alice);
    expect(bruno).toMatchObject({ outstanding: "0.00", overdue: "0.00", not_due: "0.00", overdue_share: null });
    expect(bruno.aged_balance.buckets).toEqual([]);
  });

  it("narrows to a société and to a collector's portfolio", async () => {
    const entity = await read(`?entity_id=${ids.e1}`, tokens.alice);
    // Alice in DIST: A alone, 1 000 + 400.
    expect(entity).toMatchObject({ outstanding: "1400.00", overdue: "400.00", not_due: "1000.00" });
    const bruno = await read(`?collector_id=${ids.bruno}`, tokens.admin);
    // B: B1 700 (> 60 j) + B2 300 (31–60 j), all late.
    expect(bruno).toMatchObject({ outstanding: "1000.00", overdue: "1000.00", not_due: "0.00", overdue_share: 1 });
    expect(bruno.aged_balance.buckets.map((b) => b.amount)).toEqual(["0.00", "0.00", "300.00", "700.00"]);
  });

  it("refuses a malformed filter and a missing key with a French problem", async () => {
    const bad = await expectContract<Problem>(await callApi(GET, "GET", "/api/v1/kpis?entity_id=DIST", { token: tokens.admin }), "GET", "/kpis");
    expect(bad).toMatchObject({ status: 422, errors: { entity_id: ["Identifiant de société invalide."] } });
    const anonymous = await expectContract<Problem>(await callApi(GET, "GET", "/api/v1/kpis"), "GET", "/kpis");
    expect(anonymous.status).toBe(401);
  });
});
