import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { loadScope } from "@/db/queries/scope";
import { teamPerformance } from "@/db/queries/team-performance";
import { isLuhnValid } from "@/lib/siren";
import { seedDemo, type SeedSummary } from "./generate";

const today = "2026-11-23";
let handle: DatabaseHandle;
let summary: SeedSummary;

const fingerprint = (h: DatabaseHandle) =>
  queryRows<{ amounts: string; open: string; names: string; history: string }>(
    h.db,
    sql`select sum(amount)::text as amounts, sum(open_amount)::text as open,
          md5(string_agg(e.code || c.code || c.name || c.siren || c.custom_fields::text || coalesce(d.number, ''), ','
            order by e.code, c.code, d.number)) as names,
          (select md5(string_agg(line, ',' order by line)) from (
             select concat_ws('|', hc.code, a.type, a.status, a.planned_date, a.amount_covered, a.outcome, a.note,
               coalesce(a.done_at, a.sent_at), p.promised_date, p.status) as line
             from actions a join clients hc on hc.id = a.client_id left join promises p on p.action_id = a.id) lines) as history
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

  it("addresses every contact and every demo user as Madame or Monsieur", async () => {
    const rows = await queryRows<{ civility: string | null; n: number }>(
      handle.db,
      sql`select civility, count(*)::int as n from (select civility from contacts union all select civility from users) c group by 1 order by 1`,
    );
    expect(rows.map((r) => r.civility)).toEqual(["Madame", "Monsieur"]);
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
    const [disputes] = await queryRows<{ n: number; unlinked: number; unflagged: number }>(
      handle.db,
      sql`select count(*)::int as n,
          count(*) filter (where not exists (select 1 from dispute_documents dd where dd.dispute_id = x.id))::int as unlinked,
          count(*) filter (where exists (select 1 from dispute_documents dd join documents d on d.id = dd.document_id
            where dd.dispute_id = x.id and not d.disputed))::int as unflagged
        from disputes x where status in ('open', 'in_progress', 'waiting_customer')`,
    );
    expect(disputes.n).toBeGreaterThan(10);
    // Every active case covers its pièce, which the engine then leaves alone.
    expect(disputes).toMatchObject({ unlinked: 0, unflagged: 0 });
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

describe("demo collection history", () => {
  it("gives every collector calls, other actions and promises over the last 30 days", async () => {
    const [admin] = await queryRows<{ id: string }>(handle.db, sql`select id from users where role = 'admin' limit 1`);
    const scope = (await loadScope(handle.db, admin.id, today))!;
    const rows = await teamPerformance(handle.db, scope, today);
    expect(rows.map((r) => r.name)).toEqual(["Amélie Roux", "Sophie Durand", "Thomas Petit"]);
    for (const row of rows) {
      expect(row.calls).toBeGreaterThan(0);
      expect(row.actionsTotal).toBeGreaterThan(row.calls);
      expect(row.promisesObtained).toBeGreaterThan(0);
      expect(row.promisesKept).toBeGreaterThan(0);
    }
  });

  it("only holds finished actions of the past 60 days, done by the client's collector", async () => {
    const rows = await queryRows<{ status: string; n: number; wrong: number }>(
      handle.db,
      sql`select a.status::text as status, count(*)::int as n, (count(*) filter (where
            a.planned_date not between ${today}::date - 60 and ${today}::date - 1
            or (coalesce(a.done_at, a.sent_at) at time zone 'Europe/Paris')::date <> a.planned_date
            or a.assigned_user_id is distinct from c.collector_id
            or (a.status = 'done' and (a.done_by_id is distinct from c.collector_id
                or extract(hour from a.done_at at time zone 'Europe/Paris') not between 9 and 17))))::int as wrong
          from actions a join clients c on c.id = a.client_id group by 1 order by 1`,
    );
    expect(rows.map((r) => r.status)).toEqual(["done", "sent"]);
    expect(rows.every((r) => r.n > 100 && r.wrong === 0)).toBe(true);
  });

  it("keeps promises whose invoices were settled by the promised date, breaks or waits on the others", async () => {
    const rows = await queryRows<{ status: string; n: number; all_settled_in_time: number; with_open: number; past: number }>(
      handle.db,
      sql`select p.status::text as status, count(*)::int as n,
            (count(*) filter (where v.settled_in_time))::int as all_settled_in_time,
            (count(*) filter (where v.has_open))::int as with_open,
            (count(*) filter (where p.promised_date < ${today}::date))::int as past
          from promises p
          join lateral (select bool_and(d.status = 'settled' and d.settled_date <= p.promised_date) as settled_in_time,
                          bool_or(d.status = 'open') as has_open
                        from promise_documents pd join documents d on d.id = pd.document_id where pd.promise_id = p.id) v on true
          group by 1 order by 1`,
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(Object.keys(byStatus).sort()).toEqual(["broken", "kept", "pending"]);
    expect(byStatus.kept.all_settled_in_time).toBe(byStatus.kept.n);
    expect(byStatus.broken).toMatchObject({ with_open: byStatus.broken.n, past: byStatus.broken.n });
    expect(byStatus.pending).toMatchObject({ with_open: byStatus.pending.n, past: 0 });
    expect(byStatus.kept.n).toBeGreaterThan(byStatus.broken.n);
  });

  it("has comments with replies from the sales rep", async () => {
    const [row] = await queryRows<{ comments: number; replies: number }>(
      handle.db,
      sql`select (count(*) filter (where k.parent_id is null))::int as comments,
            (count(*) filter (where k.parent_id is not null and k.author_id = c.sales_rep_id))::int as replies
          from comments k join clients c on c.id = k.client_id`,
    );
    expect(row.comments).toBeGreaterThan(20);
    expect(row.replies).toBeGreaterThan(10);
  });
});
