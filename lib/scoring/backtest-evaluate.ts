/**
 * The figures a backtest reports for one set of predictions, pure: the late-payment probability judged by AUC,
 * Brier score beside the base rate's, and calibration; the expected payment date by its mean absolute error.
 */
import { auc, brier, calibrationByDecile, type CalibrationRow, meanAbsoluteError } from "./metrics";

export type BacktestEvaluation = {
  invoices: number;
  lateRate: number | null;
  auc: number | null;
  brier: number | null;
  /** Brier of answering the observed late rate for every invoice: the bar a prediction must clear. */
  baseBrier: number | null;
  /** Mean absolute error of the expected payment date, in days, over the invoices paid by now. */
  maeDays: number | null;
  paidInvoices: number;
  calibration: CalibrationRow[];
};

export type EvaluatedInvoice = {
  late: 0 | 1;
  pLate: number;
  /** Settlement minus due date, in days; null while unpaid. */
  daysLate: number | null;
  /** Predicted settlement minus due date, in days. */
  expectedDaysLate: number;
};

/** NaN (an undefined measure) becomes null, which is what a JSON report can hold. */
export const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function evaluatePredictions(invoices: readonly EvaluatedInvoice[]): BacktestEvaluation {
  const labels = invoices.map((i) => i.late);
  const probs = invoices.map((i) => i.pLate);
  const lateRate = labels.length === 0 ? NaN : labels.reduce<number>((sum, l) => sum + l, 0) / labels.length;
  const paid = invoices.filter((i) => i.daysLate !== null);
  return {
    invoices: invoices.length,
    lateRate: finiteOrNull(lateRate),
    auc: finiteOrNull(auc(labels, probs)),
    brier: finiteOrNull(brier(labels, probs)),
    baseBrier: finiteOrNull(brier(labels, labels.map(() => lateRate))),
    maeDays: finiteOrNull(meanAbsoluteError(paid.map((i) => i.daysLate!), paid.map((i) => i.expectedDaysLate))),
    paidInvoices: paid.length,
    calibration: calibrationByDecile(labels, probs),
  };
}
