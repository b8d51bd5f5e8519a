/**
 * Logistic regression of « paid late ». Chosen over gradient-boosted trees because its score is linear in the
 * features: scoring a million invoices is one SQL statement applying the stored coefficients inside PostgreSQL
 * (lib/scoring/score-all.ts), and each feature's contribution (coefficient × standardised value) is the client's
 * reason in words. The fit is ml-logistic-regression's gradient descent, run on whitened features so that it
 * converges in a few hundred steps; the coefficients are mapped back onto the standardised features.
 */
import { EigenvalueDecomposition, Matrix, solve } from "ml-matrix";
import LogisticRegressionTwoClasses from "ml-logistic-regression/src/logreg_2classes.js";
import type { ModelFeature } from "@/db/schema/scoring";
import { BROKEN_PROMISES, CLIENT_LATE_RATE, DISPUTES_YEAR, featureNames, KNOWN_COUNT, OVERDUE_AT_ISSUE } from "./features";

export type LogisticModel = { intercept: number; features: ModelFeature[] };
export type LinearModel = LogisticModel;

/**
 * Rows beyond this are sampled one in n (by id). The library's gradient descent slows down sharply past about
 * 15 000 rows (10 000 rows × 300 steps take about 3 s); 10 000 invoices are plenty for 15 coefficients.
 */
export const MAX_TRAINING_ROWS = 10_000;
const STEPS = 300;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Intercept + Σ coefficient × (x − mean) / sd: the log-odds for a logistic model, the value for a linear one. */
export function linearPredictor(model: LogisticModel, x: number[]): number {
  let z = model.intercept;
  model.features.forEach((f, i) => {
    z += (f.coefficient * (x[i] - f.mean)) / f.sd;
  });
  return z;
}

export function predictLate(model: LogisticModel, x: number[]): number {
  return sigmoid(linearPredictor(model, x));
}

/** Each feature's share of the log-odds (coefficient × standardised value): positive ones push toward late. */
export function contributions(model: LogisticModel, x: number[]): number[] {
  return model.features.map((f, i) => (f.coefficient * (x[i] - f.mean)) / f.sd);
}

function standardise(rows: number[][]) {
  const p = featureNames.length;
  const n = rows.length;
  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (const x of rows) for (let j = 0; j < p; j++) mean[j] += x[j] / n;
  for (const x of rows) for (let j = 0; j < p; j++) sd[j] += (x[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]) > 1e-9 ? Math.sqrt(sd[j]) : 1;
  const z = rows.map((x) => x.map((v, j) => (v - mean[j]) / sd[j]));
  return { mean, sd, z };
}

/**
 * Whitening W = C^(−1/2) of the standardised features' correlation C (directions without variance dropped):
 * gradient descent on z·W sees a round bowl, where correlated features (late rate, days late) would need
 * thousands of steps.
 */
function whitening(z: number[][]): Matrix {
  const p = featureNames.length;
  const c = new Matrix(p, p);
  for (const row of z) for (let i = 0; i < p; i++) for (let j = i; j < p; j++) c.set(i, j, c.get(i, j) + (row[i] * row[j]) / z.length);
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) c.set(i, j, c.get(j, i));
  const evd = new EigenvalueDecomposition(c, { assumeSymmetric: true });
  const v = evd.eigenvectorMatrix;
  const scale = evd.realEigenvalues.map((l) => (l > 1e-6 ? 1 / Math.sqrt(l) : 0));
  return v.mmul(Matrix.diag(scale)).mmul(v.transpose());
}

export function trainLogistic(rows: { x: number[]; late: 0 | 1 }[]): LogisticModel {
  const { mean, sd, z } = standardise(rows.map((r) => r.x));
  const w = whitening(z);
  const design = new Matrix(z).mmul(w);
  design.addColumn(0, new Array<number>(rows.length).fill(1));
  const trainer = new LogisticRegressionTwoClasses({ numSteps: STEPS, learningRate: 2 / rows.length });
  trainer.train(design, Matrix.columnVector(rows.map((r) => r.late)));
  const weights = trainer.weights.to1DArray();
  const coefficients = w.mmul(Matrix.columnVector(weights.slice(1))).to1DArray();
  return {
    intercept: weights[0],
    features: featureNames.map((name, j) => ({ name, mean: mean[j], sd: sd[j], coefficient: coefficients[j] })),
  };
}

/** Least squares of the days late of the invoices paid late, on the same standardised features (small ridge). */
export function trainDelay(rows: { x: number[]; daysLate: number }[]): LinearModel {
  const { mean, sd, z } = standardise(rows.map((r) => r.x));
  const p = featureNames.length + 1;
  const a = new Matrix(p, p);
  const b = new Matrix(p, 1);
  rows.forEach((r, k) => {
    const v = [1, ...z[k]];
    for (let i = 0; i < p; i++) {
      b.set(i, 0, b.get(i, 0) + v[i] * r.daysLate);
      for (let j = 0; j < p; j++) a.set(i, j, a.get(i, j) + v[i] * v[j]);
    }
  });
  for (let i = 1; i < p; i++) a.set(i, i, a.get(i, i) + 1);
  const beta = solve(a, b, true).to1DArray();
  return {
    intercept: beta[0],
    features: featureNames.map((name, j) => ({ name, mean: mean[j], sd: sd[j], coefficient: beta[j + 1] })),
  };
}

/** Days late expected when the invoice is paid late (never negative). */
export function predictDelay(model: LinearModel, x: number[]): number {
  return Math.max(0, linearPredictor(model, x));
}

/**
 * The transparent fallback while the history is short, as a logistic model so that it scores in SQL like the
 * trained one: a client with a 50 % late rate and nothing else is at 50 %, each dispute of the year, broken promise
 * or unpaid overdue invoice adds to the odds, and no history means an even chance.
 */
export function rulesModel(): LogisticModel {
  const weights: Partial<Record<number, number>> = {
    [CLIENT_LATE_RATE]: 4.4,
    [DISPUTES_YEAR]: 0.4,
    [BROKEN_PROMISES]: 0.6,
    [OVERDUE_AT_ISSUE]: 0.6,
  };
  return {
    intercept: -2.2,
    features: featureNames.map((name, j) => ({ name, mean: 0, sd: 1, coefficient: weights[j] ?? 0 })),
  };
}

export function rulesProbability(x: number[]): number {
  return predictLate(rulesModel(), x);
}

/**
 * The per-customer baseline a model must beat: the client's past late rate, smoothed toward the base rate by two
 * pseudo-invoices, so that a client with one late invoice is not at 100 %.
 */
export function baselineProbability(x: number[], baseRate = 0.5): number {
  const n = Math.expm1(x[KNOWN_COUNT]);
  return (n * x[CLIENT_LATE_RATE] + 2 * baseRate) / (n + 2);
}
