/**
 * Quality measures of predictions, pure. Every function takes two arrays of the same length, in the same order.
 * A measure that is undefined on its input (no positive or no negative label, nothing to average) is NaN, which
 * a JSON report stores as null.
 */

function sameLength(a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length) throw new Error(`Longueurs différentes : ${a.length} et ${b.length}`);
}

/**
 * Area under the ROC curve from ranks (Mann–Whitney): the share of (late, on-time) pairs where the late invoice
 * has the higher score, a tie counting half. Labels are 1 (late) or 0.
 */
export function auc(labels: readonly number[], scores: readonly number[]): number {
  sameLength(labels, scores);
  const order = labels.map((_, i) => i).sort((i, j) => scores[i] - scores[j]);
  let positives = 0;
  let positiveRankSum = 0;
  // Tied scores share the mean of the ranks they span, which counts each tied pair as half a win.
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const meanRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        positiveRankSum += meanRank;
      }
    }
    start = end + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared difference between the predicted probability and the outcome (0 or 1): lower is better. */
export function brier(labels: readonly number[], probs: readonly number[]): number {
  sameLength(labels, probs);
  if (labels.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probs[i] - labels[i]) ** 2;
  return sum / labels.length;
}

export type CalibrationRow = { decile: number; n: number; meanPredicted: number; observedRate: number };

/**
 * Predictions sorted by probability and cut into ten groups of equal count (decile 1 = the lowest probabilities);
 * each row sets the mean predicted probability beside the observed late rate. With fewer than ten predictions
 * the empty deciles are left out.
 */
export function calibrationByDecile(labels: readonly number[], probs: readonly number[]): CalibrationRow[] {
  sameLength(labels, probs);
  const n = labels.length;
  const order = labels.map((_, i) => i).sort((i, j) => probs[i] - probs[j]);
  const rows: CalibrationRow[] = [];
  for (let decile = 1; decile <= 10; decile++) {
    const from = Math.ceil(((decile - 1) * n) / 10);
    const to = Math.ceil((decile * n) / 10);
    if (to <= from) continue;
    let predicted = 0;
    let observed = 0;
    for (let k = from; k < to; k++) {
      predicted += probs[order[k]];
      observed += labels[order[k]];
    }
    rows.push({ decile, n: to - from, meanPredicted: predicted / (to - from), observedRate: observed / (to - from) });
  }
  return rows;
}

/** Mean of |actual − predicted|. */
export function meanAbsoluteError(actual: readonly number[], predicted: readonly number[]): number {
  sameLength(actual, predicted);
  if (actual.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - predicted[i]);
  return sum / actual.length;
}

/**
 * Mean absolute percentage error, as a fraction (0.12 = 12 %). Periods whose actual is zero are skipped: their
 * percentage error has no meaning. NaN when every actual is zero.
 */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  sameLength(actual, forecast);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    sum += Math.abs(forecast[i] - actual[i]) / Math.abs(actual[i]);
    count++;
  }
  return count === 0 ? NaN : sum / count;
}

/**
 * Relative bias of a forecast, as a fraction: (Σ forecast − Σ actual) / Σ actual. Positive when the forecast
 * announces more than came in. NaN when nothing came in.
 */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  sameLength(actual, forecast);
  let actualSum = 0;
  let forecastSum = 0;
  for (let i = 0; i < actual.length; i++) {
    actualSum += actual[i];
    forecastSum += forecast[i];
  }
  return actualSum === 0 ? NaN : (forecastSum - actualSum) / actualSum;
}
