import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { documents } from "@/db/schema";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { addDays } from "@/lib/dates";
import { scoreAll } from "./score-all";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const TODAY = "2026-12-01";

/**
 * `count` invoices of 1 000 € issued every 4 days back from 2026-11-25, due 30 days later, paid `lateBy` days after
 * the due date (those not yet paid by today stay open).
 */
async function invoices(clientId: string, prefix: string, count: number, lateBy: number, from = 0) {
  const rows = Array.from({ length: count }, (_, k) => {
    const issueDate = addDays("2026-11-25", -4 * (from + k));
    const dueDate = addDays(issueDate, 30);
    const paid = addDays(dueDate, lateBy);
    const settled = paid < TODAY;
    return {
      clientId,
      type: "invoice" as const,
      number: `${prefix}${from + k}`,
      issueDate,
      dueDate,
      amount: "1000.00",
      openAmount: settled ? "0" : "1000.00",
      status: settled ? ("settled" as const) : ("open" as const),
      settledDate: settled ? paid : null,
    };
  });
  await handle.db.insert(documents).values(rows);
}

type ClientScoreRow = { client_id: string; grade: string; p_late: number; method: string; reasons: { text: string }[]; expected_late_amount: string };
const clientScores = () => queryRows<ClientScoreRow>(handle.db, sql`select * from client_scores`);

describe("scoreAll", () => {
  let late: string;
  let punctual: string;

  it("scores by the rules while fewer than 200 invoices have a known outcome", async () => {
    const entity = await makeEntity(handle.db);
    late = (await makeClient(handle.db, entity.id)).id;
    punctual = (await makeClient(handle.db, entity.id)).id;
    // 20 invoices each: those issued from 2026-11-01 on (7 each) are not yet due on 2026-12-01, 13 each are.
    await invoices(late, "L", 20, 30);
    await invoices(punctual, "P", 20, -5);
    const report = await scoreAll(handle.db, TODAY);
    expect(report).toMatchObject({ kind: "rules", labelled: 26, trainedOn: 0, metrics: null });
    const scores = new Map((await clientScores()).map((s) => [s.client_id, s]));
    // Late payer: late rate 1 and 7 invoices overdue today → logit −2.2 + 4.4 + 0.6 × ln 8 → 95.5 %.
    expect(scores.get(late)).toMatchObject({ grade: "E", method: "rules" });
    expect(scores.get(late)!.p_late).toBeCloseTo(1 / (1 + Math.exp(-(2.2 + 0.6 * Math.log(8)))), 6);
    // Punctual payer: late rate 0 → logit −2.2 → 10 %.
    expect(scores.get(punctual)).toMatchObject({ grade: "A", method: "rules" });
    expect(scores.get(punctual)!.p_late).toBeCloseTo(1 / (1 + Math.exp(2.2)), 6);
    expect(scores.get(late)!.reasons.map((r) => r.text)).toContain("100 % du montant facturé payé en retard");
  });

  it("trains a model past 200, scores every open invoice and grades the clients with their reasons", async () => {
    await invoices(late, "L", 130, 30, 20);
    await invoices(punctual, "P", 130, -5, 20);
    const report = await scoreAll(handle.db, TODAY);
    expect(report.kind).toBe("logistic");
    expect(report.metrics!.auc).toBe(1);
    expect(report.metrics!.brier).toBeLessThan(0.7 * report.metrics!.baseBrier);

    const [{ open, scored, history }] = await queryRows<{ open: number; scored: number; history: number }>(
      handle.db,
      sql`select (select count(*)::int from documents where status = 'open') as open,
        (select count(*)::int from document_scores) as scored,
        (select count(*)::int from client_score_history where scored_on = ${TODAY}) as history`,
    );
    expect(scored).toBe(open);
    expect(history).toBe(2);

    const scores = new Map((await clientScores()).map((s) => [s.client_id, s]));
    expect(scores.get(late)).toMatchObject({ grade: "E", method: "model" });
    expect(scores.get(punctual)).toMatchObject({ grade: "A", method: "model" });
    const lateReasons = scores.get(late)!.reasons.map((r) => r.text);
    expect(lateReasons.length).toBeGreaterThan(0);
    expect(lateReasons.join(" | ")).toMatch(/paie en moyenne 30 j après l'échéance|100 % du montant facturé payé en retard|dernier règlement 30 j après l'échéance/);

    // Σ open × pLate over the late payer's open invoices.
    const [{ expected }] = await queryRows<{ expected: string }>(
      handle.db,
      sql`select round(sum(d.open_amount * s.p_late::numeric), 2)::text as expected
        from document_scores s join documents d on d.id = s.document_id where d.client_id = ${late}`,
    );
    expect(scores.get(late)!.expected_late_amount).toBe(expected);
    expect(Number(expected)).toBeGreaterThan(0);

    // A second run replaces the scores and keeps one active model.
    await scoreAll(handle.db, TODAY);
    const [{ active }] = await queryRows<{ active: number }>(handle.db, sql`select count(*)::int as active from score_models where active`);
    expect(active).toBe(1);
    expect((await clientScores()).length).toBe(2);
  });
});
