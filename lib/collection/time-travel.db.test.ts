/**
 * Ninety simulated nights on a small generated book, with invoices imported late, payments, disputes and two
 * échéanciers (one kept, one broken) arriving along the way. Each night the engine runs, then the due actions are carried out. The expected steps of every
 * invoice are computed here, invoice by invoice, from the scenario definition alone.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { createRandom } from "@/db/seed/random";
import { createPaymentPlan } from "@/db/queries/payment-plans";
import { clients, documents, notifications, paymentPlanInstalments, paymentPlans } from "@/db/schema";
import { makeClient, makeEntity, makeGroup, makeScenario, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { addDays } from "@/lib/dates";
import { evaluateScenarios } from "./evaluate";

const H = 7;
const FIRST_NIGHT = "2026-09-01";
const NIGHTS = 90;
const steps = [
  { label: "Préventif", offsetDays: -5, actionType: "email", mode: "automatic" },
  { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" },
  { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual" },
  { label: "Lettre", offsetDays: 30, actionType: "letter", mode: "automatic_to_confirm" },
  { label: "Mise en demeure", offsetDays: 45, actionType: "formal_notice", mode: "automatic_to_confirm" },
] as const;

type Invoice = {
  number: string;
  clientIndex: number;
  dueDate: string;
  /** The night it first appears in an import. */
  appears: string;
  settles: string | null;
  dispute: { from: string; to: string } | null;
};

const book = generateBook();

type Plan = {
  id: string;
  from: string;
  invoices: [Invoice, Invoice];
  instalments: { dueDate: string; amount: string }[];
  /** The night the nightly run ends it. */
  endsOn: string;
  status: "kept" | "broken";
};

/**
 * Two invoices of one client, neither settled nor disputed in the book, imported by `from` and falling due within
 * the 20 days after it, so the plan takes them before their reminders start.
 */
function pickPair(from: string, taken: Invoice[]): [Invoice, Invoice] {
  const free = book.filter(
    (inv) => !taken.includes(inv) && !inv.settles && !inv.dispute && inv.appears <= from && inv.dueDate >= from && inv.dueDate <= addDays(from, 20),
  );
  for (let client = 0; client < 12; client++) {
    const mine = free.filter((inv) => inv.clientIndex === client && !taken.some((t) => t.clientIndex === client));
    if (mine.length >= 2) return [mine[0], mine[1]];
  }
  throw new Error("No two invoices of one client to plan");
}

/**
 * Kept: 200,00 in two instalments of 100,00; the first invoice paid 8 days in (instalment 1 paid), the second 38
 * days in (instalment 2 paid, plan kept). Broken: the first invoice paid 4 days in (instalment 1), the second only
 * reduced to 70,00 (paid 130,00 < 200,00), its instalment due 35 days in unpaid past 5 days of grace: broken on day 41.
 */
const plans: Plan[] = (() => {
  const keptFrom = addDays(FIRST_NIGHT, 10);
  const kept = pickPair(keptFrom, []);
  kept[0].settles = addDays(keptFrom, 8);
  kept[1].settles = addDays(keptFrom, 38);
  const brokenFrom = addDays(FIRST_NIGHT, 20);
  const broken = pickPair(brokenFrom, kept);
  broken[0].settles = addDays(brokenFrom, 4);
  const line = (from: string, days: number) => ({ dueDate: addDays(from, days), amount: "100.00" });
  return [
    { id: "00000000-0000-4000-8000-00000000000a", from: keptFrom, invoices: kept, instalments: [line(keptFrom, 10), line(keptFrom, 40)], endsOn: addDays(keptFrom, 38), status: "kept" },
    { id: "00000000-0000-4000-8000-00000000000b", from: brokenFrom, invoices: broken, instalments: [line(brokenFrom, 5), line(brokenFrom, 35)], endsOn: addDays(brokenFrom, 41), status: "broken" },
  ];
})();
const brokenPlan = plans[1];
const partialPayment = { invoice: brokenPlan.invoices[1], night: addDays(brokenPlan.from, 10), openAmount: "70.00" };
const underPlan = (invoice: Invoice, night: string) => plans.some((p) => p.invoices.includes(invoice) && p.from <= night && night < p.endsOn);

function generateBook(): Invoice[] {
  const random = createRandom(90);
  const invoices: Invoice[] = [];
  for (let i = 0; i < 160; i++) {
    const issue = addDays("2026-06-15", random.int(0, 150));
    const dueDate = addDays(issue, random.pick([30, 45, 60]));
    const appears = random.chance(0.15) ? addDays(issue, random.int(20, 70)) : issue;
    const settles = random.chance(0.5) ? addDays(dueDate, random.int(-10, 60)) : null;
    const disputeFrom = addDays(dueDate, random.int(-3, 40));
    const dispute = random.chance(0.15) ? { from: disputeFrom, to: addDays(disputeFrom, random.int(3, 25)) } : null;
    invoices.push({ number: `F${String(i).padStart(4, "0")}`, clientIndex: i % 12, dueDate, appears, settles, dispute });
  }
  return invoices;
}

type Expected = { offset: number; planned: string; done: boolean };

const channelOf = (offset: number) => {
  const type = steps.find((s) => s.offsetDays === offset)!.actionType;
  return type === "formal_notice" ? "letter" : type;
};
const isAutomatic = (offset: number) => steps.find((s) => s.offsetDays === offset)!.mode !== "manual";

/** What should happen to every invoice, night after night, following SPEC §7 rule by rule. */
function expectedSteps(lastNight: string): Map<string, Expected[]> {
  const given = new Map<string, Expected[]>(book.map((inv) => [inv.number, []]));
  for (let n = 0, night = FIRST_NIGHT; night <= lastNight; n++, night = addDays(FIRST_NIGHT, n)) {
    for (const invoice of book) {
      const mine = given.get(invoice.number)!;
      const present = invoice.appears <= night;
      const settled = invoice.settles !== null && invoice.settles <= night;
      const disputed = invoice.dispute !== null && invoice.dispute.from <= night && night < invoice.dispute.to;
      if (!present) continue;
      if (settled || disputed || underPlan(invoice, night)) {
        // Taken out of every action not yet carried out.
        for (let i = mine.length - 1; i >= 0; i--) if (!mine[i].done) mine.splice(i, 1);
        continue;
      }
      const horizon = addDays(night, H);
      const uncovered = steps.filter(
        (s) => addDays(invoice.dueDate, s.offsetDays) <= horizon && !mine.some((g) => g.offset >= s.offsetDays),
      );
      const reached = uncovered.filter((s) => addDays(invoice.dueDate, s.offsetDays) <= night);
      const upcoming = uncovered.filter((s) => addDays(invoice.dueDate, s.offsetDays) > night);
      const latestReached = reached.at(-1);
      for (const s of [...(latestReached ? [latestReached] : []), ...upcoming]) {
        const stepDate = addDays(invoice.dueDate, s.offsetDays);
        mine.push({ offset: s.offsetDays, planned: stepDate > night ? stepDate : night, done: false });
      }
    }
    mergeSameDay(given);
    // The day's actions are carried out.
    for (const list of given.values()) for (const g of list) if (g.planned <= night) g.done = true;
  }
  for (const list of given.values()) list.sort((a, b) => a.offset - b.offset);
  return given;
}

/**
 * One message per client, day and channel: pending automatic steps falling together are raised to the highest,
 * and an invoice so raised leaves its later pending steps at or below that one.
 */
function mergeSameDay(given: Map<string, Expected[]>) {
  const top = new Map<string, number>();
  const key = (invoice: Invoice, g: Expected) => `${invoice.clientIndex} ${g.planned} ${channelOf(g.offset)}`;
  const pending = book.flatMap((inv) => given.get(inv.number)!.filter((g) => !g.done && isAutomatic(g.offset)).map((g) => ({ inv, g })));
  for (const { inv, g } of pending) top.set(key(inv, g), Math.max(top.get(key(inv, g)) ?? -Infinity, g.offset));
  const dropped = new Set<Expected>();
  for (const { inv, g } of pending) {
    const kept = top.get(key(inv, g))!;
    if (kept === g.offset || dropped.has(g)) continue;
    g.offset = kept;
    const mine = given.get(inv.number)!;
    for (let i = mine.length - 1; i >= 0; i--) {
      if (!mine[i].done && mine[i].offset <= kept && mine[i].planned > g.planned) dropped.add(mine.splice(i, 1)[0]);
    }
  }
}

let handle: DatabaseHandle;
let collectorId = "";
const lastNight = addDays(FIRST_NIGHT, NIGHTS - 1);

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const scenario = await makeScenario(db, "Standard", steps.map((s) => ({ ...s })));
  const group = await makeGroup(db, { name: "Tous", priority: 1, scenarioId: scenario.id });
  const clientIds: string[] = [];
  for (let i = 0; i < 12; i++) clientIds.push((await makeClient(db, entity.id, { groupId: group.id })).id);
  const supervisor = await makeUser(db, "supervisor");
  collectorId = (await makeUser(db, "collector")).id;
  await db.update(clients).set({ collectorId }).where(eq(clients.id, clientIds[brokenPlan.invoices[0].clientIndex]));
  const scope = { userId: supervisor.id, role: "supervisor" as const, entityIds: [], collectorIds: [] };

  for (let n = 0; n < NIGHTS; n++) {
    const night = addDays(FIRST_NIGHT, n);
    const arriving = book.filter((inv) => inv.appears === night || (n === 0 && inv.appears < night));
    if (arriving.length) {
      await db.insert(documents).values(
        arriving.map((inv) => ({
          clientId: clientIds[inv.clientIndex],
          type: "invoice" as const,
          number: inv.number,
          issueDate: addDays(inv.dueDate, -30),
          dueDate: inv.dueDate,
          amount: "100.00",
          openAmount: "100.00",
        })),
      );
    }
    const settling = book.filter((inv) => inv.settles !== null && inv.settles <= night).map((inv) => inv.number);
    if (settling.length) {
      await db.update(documents).set({ status: "settled", openAmount: "0", settledDate: night }).where(inArray(documents.number, settling));
    }
    if (night === partialPayment.night) {
      await db.update(documents).set({ openAmount: partialPayment.openAmount }).where(eq(documents.number, partialPayment.invoice.number));
    }
    for (const plan of plans.filter((p) => p.from === night)) {
      const found = await db.select({ id: documents.id }).from(documents).where(inArray(documents.number, plan.invoices.map((inv) => inv.number)));
      const created = await createPaymentPlan(db, scope, {
        id: plan.id,
        clientId: clientIds[plan.invoices[0].clientIndex],
        actionId: null,
        documentIds: found.map((d) => d.id),
        instalments: plan.instalments,
        graceDays: 5,
        note: null,
      });
      if (created.status !== "ok") throw new Error(`Plan refused: ${created.status}`);
    }
    const disputed = JSON.stringify(disputedOn(night));
    await db.execute(sql`update documents set disputed = number in (select jsonb_array_elements_text(${disputed}::jsonb))`);
    await evaluateScenarios(db, night, H);
    await db.execute(sql`update actions set status = (case when status = 'planned' then 'done' else 'sent' end)::action_status
      where planned_date <= ${night}::date and status in ('planned', 'scheduled', 'to_confirm')`);
  }
}, 300_000);
afterAll(() => handle.close());

function disputedOn(night: string): string[] {
  return book.filter((inv) => inv.dispute && inv.dispute.from <= night && night < inv.dispute.to).map((inv) => inv.number);
}

describe("ninety nights", () => {
  it("gives every invoice exactly the expected steps on the expected dates", async () => {
    const rows = await queryRows<{ number: string; offset: number; planned: string; status: string }>(
      handle.db,
      sql`select d.number, a.step_offset_days as offset, a.planned_date::text as planned, a.status::text as status
          from action_documents ad join actions a on a.id = ad.action_id join documents d on d.id = ad.document_id
          order by d.number, a.step_offset_days`,
    );
    const actual = new Map<string, Expected[]>();
    for (const r of rows) {
      const list = actual.get(r.number) ?? [];
      list.push({ offset: r.offset, planned: r.planned, done: r.status === "sent" || r.status === "done" });
      actual.set(r.number, list);
    }
    let checkedSteps = 0;
    const expectedByInvoice = expectedSteps(lastNight);
    for (const invoice of book) {
      const expected = expectedByInvoice.get(invoice.number)!;
      checkedSteps += expected.length;
      expect({ invoice: invoice.number, steps: actual.get(invoice.number) ?? [] }).toEqual({ invoice: invoice.number, steps: expected });
    }
    // The book really exercises the engine: hundreds of steps, late imports and disputes among them.
    expect(checkedSteps).toBeGreaterThan(300);
    expect(book.filter((inv) => inv.appears > inv.dueDate).length).toBeGreaterThan(5);
    expect(book.filter((inv) => inv.dispute).length).toBeGreaterThan(10);
  });

  it("keeps one échéancier and breaks the other on the expected nights, its pièces chased again that night", async () => {
    for (const plan of plans) {
      const [row] = await handle.db.select().from(paymentPlans).where(eq(paymentPlans.id, plan.id));
      expect({ status: row.status, endedOn: row.endedOn, amount: row.amount }).toEqual({ status: plan.status, endedOn: plan.endsOn, amount: "200.00" });
      const lines = await handle.db.select().from(paymentPlanInstalments).where(eq(paymentPlanInstalments.planId, plan.id)).orderBy(paymentPlanInstalments.seq);
      const paidOn = plan.status === "kept" ? [plan.invoices[0].settles, plan.invoices[1].settles] : [plan.invoices[0].settles, null];
      expect(lines.map((l) => l.paidOn)).toEqual(paidOn);
    }
    // While active, neither pièce of the broken plan got a new step; the night it broke, the unpaid one did.
    const steps = await queryRows<{ planned: string }>(
      handle.db,
      sql`select a.planned_date::text as planned from action_documents ad join actions a on a.id = ad.action_id
          join documents d on d.id = ad.document_id where d.number = ${brokenPlan.invoices[1].number} order by 1`,
    );
    const planned = steps.map((s) => s.planned);
    expect(planned.filter((d) => d >= brokenPlan.from && d < brokenPlan.endsOn)).toEqual([]);
    expect(planned).toContain(brokenPlan.endsOn);
    const told = await handle.db.select().from(notifications).where(eq(notifications.subjectId, brokenPlan.id));
    expect(told.map((n) => ({ userId: n.userId, kind: n.kind }))).toEqual([{ userId: collectorId, kind: "plan.broken" }]);
  });

  it("leaves no live action without a document", async () => {
    const [row] = await queryRows<{ empty: number; cancelled: number }>(
      handle.db,
      sql`select count(*) filter (where not exists (select 1 from action_documents ad where ad.action_id = a.id)
                                  and a.status <> 'cancelled')::int as empty,
                 count(*) filter (where a.status = 'cancelled')::int as cancelled
          from actions a`,
    );
    expect(row.empty).toBe(0);
    expect(row.cancelled).toBeGreaterThan(0);
  });

  it("sends one message per client, day and channel, the highest step, when steps fall together", async () => {
    const days = await queryRows<{ channel: string; sent: number; merged: number; kept: string | null }>(
      handle.db,
      sql`select case a.type when 'formal_notice' then 'letter' else a.type::text end as channel,
            count(*) filter (where a.status = 'sent')::int as sent,
            count(*) filter (where a.cancel_reason like 'Regroupée avec %')::int as merged,
            min(a.type::text) filter (where a.status = 'sent') as kept
          from actions a where a.type <> 'call' and a.planned_date <= ${lastNight}::date
          group by a.client_id, a.planned_date, 1`,
    );
    expect(days.every((d) => d.sent <= 1)).toBe(true);
    // Days where a lettre de relance and a mise en demeure fell together: one letter went, the mise en demeure.
    const letterDays = days.filter((d) => d.channel === "letter" && d.merged > 0);
    expect(letterDays.length).toBeGreaterThan(0);
    expect(letterDays.filter((d) => !(d.sent === 1 && d.kept === "formal_notice"))).toEqual([]);
    expect(days.filter((d) => d.channel === "email" && d.merged > 0).length).toBeGreaterThan(0);
  });
});
