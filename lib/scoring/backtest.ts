/**
 * The backtest: month by month, a model trained only on what was known at the month's first day predicts the
 * invoices issued in that month, and is judged on how they were actually paid, beside the per-client late-rate
 * baseline. At each month start it also forecasts 13 weeks of cash-in from the invoices then open and compares
 * with what came in. It reads nothing but clients and invoices with their due and settlement dates, so it works on
 * any imported history.
 */
import type { Queryable } from "@/db/client";
import { insertBacktest, loadOpenBookAt } from "@/db/queries/score-backtests";
import { countLabelledInvoices, type FeatureRow, loadInvoiceFeatures } from "@/db/queries/score-features";
import { getOption } from "@/db/queries/settings";
import { addDays, daysBetween, monthStart } from "@/lib/dates";
import { type BacktestEvaluation, type EvaluatedInvoice, evaluatePredictions } from "./backtest-evaluate";
import { FORECAST_WEEKS } from "./cash-forecast";
import { type ForecastWindow, forecastWindow, pooledForecastError } from "./backtest-forecast";
import { MEAN_DAYS_LATE } from "./features";
import { baselineProbability, MAX_TRAINING_ROWS, predictDelay, predictLate, rulesProbability, trainDelay, trainLogistic } from "./model";
import { MIN_LABELLED_INVOICES } from "./score-all";

export type BacktestArgs = { from: string; to: string; graceDays: number; today: string };

export type BacktestMonth = {
  month: string;
  trainedOn: number;
  method: "logistic" | "rules";
  model: BacktestEvaluation;
  baseline: BacktestEvaluation;
};

export type BacktestReport = {
  from: string;
  to: string;
  graceDays: number;
  computedOn: string;
  months: BacktestMonth[];
  overall: { model: BacktestEvaluation; baseline: BacktestEvaluation };
  forecast: { windows: ForecastWindow[]; mape: number | null; bias: number | null };
};

type Labelled = FeatureRow & { late: 0 | 1 };
const labelled = (rows: FeatureRow[]) => rows.filter((r): r is Labelled => r.late !== null);
const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** The month starts from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthStart(from); m <= to; m = monthStart(m, -1)) months.push(m);
  return months;
}

/**
 * What the model and the baseline predict, trained on `training` as the nightly scoring trains (lib/scoring/score-all.ts):
 * the rules below the minimum history, the delay model once 30 late payments are known, else the client's mean days late.
 */
function predictors(training: Labelled[]) {
  const useModel = training.length >= MIN_LABELLED_INVOICES && new Set(training.map((r) => r.late)).size === 2;
  const model = useModel ? trainLogistic(training) : null;
  const lateDays = training.filter((r) => r.late === 1 && r.daysLate !== null).map((r) => ({ x: r.x, daysLate: r.daysLate! }));
  const delay = useModel && lateDays.length >= 30 ? trainDelay(lateDays) : null;
  // The baseline's payment date: the due date plus the client's mean days late so far (the company's mean for a new client).
  const byClient = new Map<string, number[]>();
  for (const r of training) if (r.daysLate !== null) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r.daysLate]);
  const companyMean = mean(training.flatMap((r) => (r.daysLate === null ? [] : [r.daysLate])));
  const baseRate = training.length === 0 ? 0.5 : mean(training.map((r) => r.late));
  return {
    method: (model ? "logistic" : "rules") as BacktestMonth["method"],
    pLate: (x: number[]) => (model ? predictLate(model, x) : rulesProbability(x)),
    // As the expected payment date of the nightly scoring: due date + p × the days late expected when late.
    expectedDaysLate: (x: number[], p: number) =>
      Math.round(p * Math.min(delay ? predictDelay(delay, x) : Math.max(0, x[MEAN_DAYS_LATE]), 3650)),
    baseline: (x: number[]) => baselineProbability(x, baseRate),
    baselineDaysLate: (clientId: string) => {
      const days = byClient.get(clientId);
      return days ? mean(days) : companyMean;
    },
  };
}

export async function runBacktest(db: Queryable, args: BacktestArgs): Promise<BacktestReport> {
  const months: BacktestMonth[] = [];
  const all = { model: [] as EvaluatedInvoice[], baseline: [] as EvaluatedInvoice[] };
  const windows: ForecastWindow[] = [];
  for (const start of monthsBetween(args.from, args.to)) {
    const next = monthStart(start, -1);
    // As the nightly training: a large history is sampled, one invoice in n.
    const known = await countLabelledInvoices(db, start, args.graceDays);
    const sampleModulo = Math.ceil(known / MAX_TRAINING_ROWS);
    const training = labelled(
      await loadInvoiceFeatures(db, { issuedTo: start, knownAt: start, graceDays: args.graceDays, labelledOnly: true, sampleModulo }),
    );
    const predict = predictors(training);
    const lastDay = addDays(next, -1) <= args.to ? addDays(next, -1) : args.to;
    const tested = labelled(
      await loadInvoiceFeatures(db, { issuedFrom: start, issuedTo: lastDay, knownAt: args.today, graceDays: args.graceDays, labelledOnly: true }),
    );
    const model: EvaluatedInvoice[] = [];
    const baseline: EvaluatedInvoice[] = [];
    for (const r of tested) {
      const p = predict.pLate(r.x);
      const daysLate = r.settledDate === null ? null : daysBetween(r.dueDate, r.settledDate);
      model.push({ late: r.late, pLate: p, daysLate, expectedDaysLate: predict.expectedDaysLate(r.x, p) });
      baseline.push({ late: r.late, pLate: predict.baseline(r.x), daysLate, expectedDaysLate: predict.baselineDaysLate(r.clientId) });
    }
    all.model.push(...model);
    all.baseline.push(...baseline);
    months.push({ month: start, trainedOn: training.length, method: predict.method, model: evaluatePredictions(model), baseline: evaluatePredictions(baseline) });

    // Only windows wholly in the past can be compared with what came in.
    if (addDays(start, 7 * FORECAST_WEEKS) <= args.today) {
      const open = await loadOpenBookAt(db, start, args.graceDays);
      windows.push(
        forecastWindow(
          start,
          open.map((r) => {
            const p = predict.pLate(r.x);
            return { amount: r.amount, dueDate: r.dueDate, settledDate: r.settledDate, pLate: p, expectedDaysLate: predict.expectedDaysLate(r.x, p) };
          }),
        ),
      );
    }
  }
  return {
    from: monthStart(args.from),
    to: args.to,
    graceDays: args.graceDays,
    computedOn: args.today,
    months,
    overall: { model: evaluatePredictions(all.model), baseline: evaluatePredictions(all.baseline) },
    forecast: { windows, ...pooledForecastError(windows) },
  };
}

/** Runs a backtest to `to` (today when left out) with the grace period of Paramétrage unless given, and keeps its report. */
export async function recordBacktest(
  db: Queryable,
  args: { from: string; to?: string; graceDays?: number; today: string; userId: string | null },
): Promise<{ id: string; report: BacktestReport }> {
  const graceDays = args.graceDays ?? (await getOption(db, "scoring")).graceDays;
  const report = await runBacktest(db, { from: args.from, to: args.to ?? args.today, graceDays, today: args.today });
  return { id: await insertBacktest(db, report, args.userId), report };
}
