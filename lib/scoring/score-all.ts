import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "@/db/client";
import { countLabelledInvoices, featureSql, invoiceTargets, loadClientFeatures, loadInvoiceFeatures } from "@/db/queries/score-features";
import { getOption } from "@/db/queries/settings";
import type { ScoreMetrics, ScoreReason } from "@/db/schema/scoring";
import { addDays } from "@/lib/dates";
import { featureNames, MEAN_DAYS_LATE, reasonText, SETTLED_COUNT } from "./features";
import { type Grade, gradeOf } from "./grades";
import { auc, brier } from "./metrics";
import {
  baselineProbability,
  contributions,
  type LinearModel,
  type LogisticModel,
  MAX_TRAINING_ROWS,
  predictLate,
  rulesModel,
  trainDelay,
  trainLogistic,
} from "./model";

/** Below this many invoices with a known outcome, the company is scored by the rules. */
export const MIN_LABELLED_INVOICES = 200;
/** A client with fewer settled invoices is scored by the rules, and its fiche says so. */
export const MIN_CLIENT_SETTLED = 3;
const HOLDOUT_DAYS = 61;
const BATCH = 10_000;

export type ScoringReport = {
  kind: "logistic" | "rules";
  modelId: string;
  labelled: number;
  trainedOn: number;
  metrics: ScoreMetrics | null;
  baseline: { auc: number; brier: number } | null;
  documents: number;
  clients: number;
  /** Wall-clock seconds: loading the features and training, then writing the scores. */
  trainSeconds: number;
  seconds: number;
};

const num = (value: number) => {
  if (!Number.isFinite(value)) throw new Error(`Coefficient non fini : ${value}`);
  return sql.raw(String(value));
};

/** The model's linear predictor over the columns f0…f14 of featureSql, written out with its constants. */
function predictorSql(model: LogisticModel): SQL {
  const terms = model.features.map((f, i) => sql`${num(f.coefficient / f.sd)} * (f${sql.raw(String(i))} - ${num(f.mean)})`);
  return sql`(${num(model.intercept)} + ${sql.join(terms, sql` + `)})`;
}

/** The rules' expected delay when late: the client's mean days late so far. */
function rulesDelay(): LinearModel {
  return { intercept: 0, features: featureNames.map((name, j) => ({ name, mean: 0, sd: 1, coefficient: j === MEAN_DAYS_LATE ? 1 : 0 })) };
}

function reasonsOf(model: LogisticModel, x: number[]): ScoreReason[] {
  const reasons: ScoreReason[] = [];
  contributions(model, x).forEach((weight, i) => {
    const text = reasonText(featureNames[i], x);
    if (weight > 0 && text !== null) reasons.push({ code: featureNames[i], text, weight: Math.round(weight * 1000) / 1000 });
  });
  return reasons.sort((a, b) => b.weight - a.weight).slice(0, 3);
}

/**
 * Trains tonight's model on the invoices whose outcome is known on `date` (the last two months held out to measure
 * it), or falls back to the rules on a short history; then scores every open invoice and every client in SQL.
 */
export async function scoreAll(db: Db, date: string): Promise<ScoringReport> {
  const started = Date.now();
  const { graceDays } = await getOption(db, "scoring");
  const labelled = await countLabelledInvoices(db, date, graceDays);
  let kind: "logistic" | "rules" = "rules";
  let model = rulesModel();
  let delay = rulesDelay();
  let trainedOn = 0;
  let metrics: ScoreMetrics | null = null;
  let baseline: ScoringReport["baseline"] = null;

  if (labelled >= MIN_LABELLED_INVOICES) {
    const sampleModulo = Math.ceil(labelled / MAX_TRAINING_ROWS);
    const rows = await loadInvoiceFeatures(db, { knownAt: date, graceDays, labelledOnly: true, sampleModulo });
    const holdoutFrom = addDays(date, -HOLDOUT_DAYS - graceDays);
    const training = rows.filter((r) => r.dueDate < holdoutFrom);
    const holdout = rows.filter((r) => r.dueDate >= holdoutFrom);
    if (training.length >= MIN_LABELLED_INVOICES / 2) {
      const labelledTraining = training.map((r) => ({ x: r.x, late: r.late as 0 | 1 }));
      kind = "logistic";
      model = trainLogistic(labelledTraining);
      const lateRows = training.filter((r) => r.late === 1 && r.daysLate !== null).map((r) => ({ x: r.x, daysLate: r.daysLate! }));
      if (lateRows.length >= 30) delay = trainDelay(lateRows);
      trainedOn = training.length;
      if (holdout.length > 0) {
        const labels = holdout.map((r) => r.late as number);
        const probs = holdout.map((r) => predictLate(model, r.x));
        const baseRate = training.reduce((s, r) => s + (r.late as number), 0) / training.length;
        const lateRate = labels.reduce((s, l) => s + l, 0) / labels.length;
        metrics = {
          invoices: holdout.length,
          lateRate,
          auc: auc(labels, probs),
          brier: brier(labels, probs),
          baseBrier: brier(labels, labels.map(() => baseRate)),
        };
        const baselineProbs = holdout.map((r) => baselineProbability(r.x, baseRate));
        baseline = { auc: auc(labels, baselineProbs), brier: brier(labels, baselineProbs) };
      }
    }
  }

  const trainSeconds = (Date.now() - started) / 1000;
  const clientRows = await loadClientFeatures(db, date, graceDays);
  const rules = rulesModel();
  const clientScores = clientRows.map(({ clientId, x }) => {
    const byRules = kind === "rules" || Math.round(Math.expm1(x[SETTLED_COUNT])) < MIN_CLIENT_SETTLED;
    const used = byRules ? rules : model;
    const pLate = predictLate(used, x);
    return { clientId, pLate, grade: gradeOf(pLate), reasons: reasonsOf(used, x), method: byRules ? "rules" : "model" };
  });

  const { modelId, documents } = await db.transaction(async (tx) => {
    await tx.execute(sql`update score_models set active = false where active`);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into score_models (kind, grace_days, intercept, features, delay, trained_on, trained_to, metrics, active)
        values (${kind}, ${graceDays}, ${model.intercept}, ${JSON.stringify(model.features)}::jsonb, ${JSON.stringify(delay)}::jsonb,
          ${trainedOn}, ${date}::date, ${metrics === null ? null : JSON.stringify(metrics)}::jsonb, true)
        returning id`,
    );
    const documents = await writeDocumentScores(tx, row.id, date, graceDays, model, delay);
    await writeClientScores(tx, row.id, date, clientScores);
    return { modelId: row.id, documents };
  });

  return {
    kind,
    modelId,
    labelled,
    trainedOn,
    metrics,
    baseline,
    documents,
    clients: clientScores.length,
    trainSeconds: Math.round(trainSeconds * 10) / 10,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/**
 * Every open invoice's probability of being late and expected payment date (due + p × days late when late), in one
 * statement applying the model's coefficients to the features computed in SQL.
 */
async function writeDocumentScores(tx: Tx, modelId: string, date: string, graceDays: number, model: LogisticModel, delay: LinearModel) {
  await tx.execute(sql`delete from document_scores`);
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`with scored as (
        select s.document_id, s.due_date, 1 / (1 + exp(-greatest(-30, least(30, ${predictorSql(model)})))) as p,
          greatest(0, ${predictorSql(delay)}) as delay
        from (${featureSql(invoiceTargets([sql`d.status = 'open'`]), graceDays)}) s
      ), inserted as (
        insert into document_scores (document_id, model_id, p_late, expected_payment_date, scored_on)
        select document_id, ${modelId}::uuid, p, due_date + round(p * least(delay, 3650))::int, ${date}::date from scored
        returning 1
      )
      select count(*)::int as n from inserted`,
  );
  return n;
}

type ClientScore = { clientId: string; pLate: number; grade: Grade; reasons: ScoreReason[]; method: string };

async function writeClientScores(tx: Tx, modelId: string, date: string, scores: ClientScore[]) {
  await tx.execute(sql`delete from client_scores`);
  for (let i = 0; i < scores.length; i += BATCH) {
    await tx.execute(sql`
      insert into client_scores (client_id, model_id, grade, p_late, reasons, method, scored_on)
      select r."clientId", ${modelId}::uuid, r.grade, r."pLate", r.reasons, r.method, ${date}::date
      from json_to_recordset(${JSON.stringify(scores.slice(i, i + BATCH))}::json)
        as r("clientId" uuid, grade char(1), "pLate" float8, reasons jsonb, method text)`);
  }
  await tx.execute(sql`
    update client_scores c set expected_late_amount = e.amount
    from (
      select d.client_id, round(sum(d.open_amount * s.p_late::numeric), 2) as amount
      from document_scores s join documents d on d.id = s.document_id
      group by d.client_id
    ) e
    where e.client_id = c.client_id`);
  await tx.execute(sql`
    insert into client_score_history (client_id, scored_on, grade, p_late)
    select client_id, scored_on, grade, p_late from client_scores
    on conflict (client_id, scored_on) do update set grade = excluded.grade, p_late = excluded.p_late`);
}
