import { sql } from "drizzle-orm";
import { bigint, boolean, char, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { documents } from "./documents";
import { entities, users } from "./organisation";

/** One feature of a logistic model: standardised as (x − mean) / sd before its coefficient applies. */
export type ModelFeature = { name: string; mean: number; sd: number; coefficient: number };

/** Quality figures of a model or a backtest, on invoices it did not learn from. */
export type ScoreMetrics = {
  invoices: number;
  lateRate: number;
  auc: number;
  brier: number;
  /** Brier of always answering the base rate: the bar a model must clear. */
  baseBrier: number;
  /** Mean absolute error of the expected payment date, in days. */
  maeDays?: number;
};

/**
 * A trained model of « paid late » (after the due date plus `graceDays`), versioned: the nightly run trains a new
 * one on the settled history and makes it the active one. `kind = 'rules'` is the transparent fallback used while
 * the history is too short, with its rule weights in `features`.
 */
export const scoreModels = pgTable(
  "score_models",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<"logistic" | "rules">().notNull(),
    graceDays: integer().notNull(),
    intercept: doublePrecision().notNull().default(0),
    features: jsonb().$type<ModelFeature[]>().notNull(),
    /** Days late expected when late, by the same features (expected payment date = due + grace + p × this). */
    delay: jsonb().$type<{ intercept: number; features: ModelFeature[] }>(),
    /** The invoices learnt from: due (plus grace) before `trainedTo`. */
    trainedOn: integer().notNull(),
    trainedTo: date({ mode: "string" }).notNull(),
    /** Measured on the invoices held out of training (the most recent months). */
    metrics: jsonb().$type<ScoreMetrics>(),
    active: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("score_models_active_idx").on(t.active).where(sql`${t.active}`)],
);

/** The prediction for each open invoice, rewritten by each scoring. */
export const documentScores = pgTable(
  "document_scores",
  {
    documentId: bigint({ mode: "number" })
      .primaryKey()
      .references(() => documents.id, { onDelete: "cascade" }),
    modelId: uuid()
      .notNull()
      .references(() => scoreModels.id, { onDelete: "cascade" }),
    /** Probability of being paid after the due date plus the grace period. */
    pLate: doublePrecision().notNull(),
    expectedPaymentDate: date({ mode: "string" }).notNull(),
    scoredOn: date({ mode: "string" }).notNull(),
  },
  (t) => [index().on(t.modelId)],
);

export type ScoreReason = { code: string; text: string; weight: number };

/** Per-client score A (safest) to E, its probability and its three main reasons in words. */
export const clientScores = pgTable(
  "client_scores",
  {
    clientId: uuid()
      .primaryKey()
      .references(() => clients.id, { onDelete: "cascade" }),
    modelId: uuid()
      .notNull()
      .references(() => scoreModels.id, { onDelete: "cascade" }),
    grade: char({ length: 1 }).$type<"A" | "B" | "C" | "D" | "E">().notNull(),
    /** Probability that the client's next invoice is paid late. */
    pLate: doublePrecision().notNull(),
    /** Σ open × pLate over the client's open invoices: the agenda's « montant à risque ». */
    expectedLateAmount: numeric({ precision: 16, scale: 2 }).notNull().default("0"),
    reasons: jsonb().$type<ScoreReason[]>().notNull().default([]),
    /** `rules` while the company or the client has too little history for the model. */
    method: text().$type<"model" | "rules">().notNull(),
    scoredOn: date({ mode: "string" }).notNull(),
  },
  (t) => [index().on(t.grade), index().on(t.pLate)],
);

/** One line per client and day scored, for the fiche's history of the score. */
export const clientScoreHistory = pgTable(
  "client_score_history",
  {
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    scoredOn: date({ mode: "string" }).notNull(),
    grade: char({ length: 1 }).$type<"A" | "B" | "C" | "D" | "E">().notNull(),
    pLate: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.scoredOn] })],
);

/** A backtest run (command line or Paramétrage → Scoring): its parameters and full report. */
export const scoreBacktests = pgTable("score_backtests", {
  id: uuid().primaryKey().defaultRandom(),
  fromDate: date({ mode: "string" }).notNull(),
  toDate: date({ mode: "string" }).notNull(),
  graceDays: integer().notNull(),
  /** Months, model and baseline metrics, calibration by decile, forecast errors: see lib/scoring/backtest.ts. */
  report: jsonb().$type<Record<string, unknown>>().notNull(),
  createdById: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Expected cash-in per week for the next 13 weeks, by société and collector portfolio, computed by the nightly run:
 * a scope sums its rows; independent invoices add their variances, so the 80 % interval of a sum is
 * expected ± 1.2816 × √Σ variance.
 */
export const cashForecasts = pgTable(
  "cash_forecasts",
  {
    computedOn: date({ mode: "string" }).notNull(),
    entityId: uuid()
      .notNull()
      .references(() => entities.id, { onDelete: "cascade" }),
    /** The collector of the clients summed; a nil UUID for clients without one. */
    collectorId: uuid().notNull(),
    weekStart: date({ mode: "string" }).notNull(),
    expected: numeric({ precision: 16, scale: 2 }).notNull(),
    variance: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.computedOn, t.entityId, t.collectorId, t.weekStart] })],
);
