import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { seedDemo, type SeedSummary } from "./generate";
import { isLuhnValid } from "@/lib/siren";

const today = "2026-11-23";
let handle: DatabaseHandle;
let summary: SeedSummary;

const fingerprint = (h: DatabaseHandle) =>
  queryRows<{ amounts: string; open: string; names: string }>(
    h.db,
    sql`select sum(amount)::text as amounts, sum(open_amount)::text as open,
          md5(string_agg(e.code || c.code || c.name || c.siren || c.custom_fields::text || coalesce(d.number, ''), ','
            order by e.code, c.code, d.number)) as names
        from clients c join entities e on e.id = c.entity_id left join documents d on d.client_id = c.id`,
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  summary = await seedDemo(handle.db, { size: "demo", today });
});
afterAll(() => handle.close());

describe("demo data", () => {
  it("has the promised size", async () => {
    expect(summary).toMatchObject({ entities: 2, users: 8, clients: 2000 });
    expect(summary.documents).toBeGreaterThan(27_000);
    expect(summary.documents).toBeLessThan(33_000);
    expect(summary.logins.map((l) => l.role).sort()).toEqual(["admin", "collector", "manager", "sales", "supervisor"]);
  });

  it("gives every client exactly one default reminder contact and a valid SIREN", async () => {
    const [row] = await queryRows<{ wrong_contacts: number; sirens: string[] }>(
      handle.db,
      sql`select (select count(*)::int from clients c
                  where (select count(*) from contacts k where k.client_id = c.id and k.recipient_for @> '{email}') <> 1) as wrong_contacts,
             (select array_agg(siren) from clients) as sirens`,
    );
    expect(row.wrong_contacts).toBe(0);
    expect(row.sirens.filter((s) => !isLuhnValid(s))).toEqual([]);
  });

  it("gives every client a sector and an agency as custom fields", async () => {
    const rows = await queryRows<{ field: string; value: string; n: number }>(
      handle.db,
      sql`select f.key as field, f.value as value, count(*)::int as n from clients c, jsonb_each_text(c.custom_fields) f
          group by 1, 2 order by 1, 2`,
    );
    const values = (field: string) => rows.filter((r) => r.field === field).map((r) => r.value);
    expect(values("Agence")).toEqual(["Lille", "Lyon", "Marseille", "Nantes", "Paris"]);
    expect(values("Secteur")).toEqual(expect.arrayContaining(["BTP", "Distribution", "Industrie", "Services", "Transport"]));
    expect(rows.filter((r) => r.field === "Agence").reduce((n, r) => n + r.n, 0)).toBe(2000);
    expect(rows.filter((r) => r.field === "Secteur").reduce((n, r) => n + r.n, 0)).toBe(2000);
  });

  it("spreads open items over every age bucket and has disputes", async () => {
    const rows = await queryRows<{ bucket: number; n: number }>(
      handle.db,
      sql`select width_bucket(${today}::date - due_date, array[1, 31, 61, 91, 121]) as bucket, count(*)::int as n
          from documents where status = 'open' and type = 'invoice' group by 1 order by 1`,
    );
    expect(rows.map((r) => r.bucket)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.n > 50)).toBe(true);
    const [disputes] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from disputes where status = 'open'`);
    expect(disputes.n).toBeGreaterThan(10);
  });

  it("is deterministic for a given date", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db, { size: "demo", today });
      expect(await fingerprint(other)).toEqual(await fingerprint(handle));
    } finally {
      await other.close();
    }
  });
});
