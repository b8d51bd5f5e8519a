/**
 * The scenario engine: on evaluation date D, brings every client's pending actions in line with their open
 * invoices and scenario (SPEC §7). Set-based statements in one transaction, safe to run again: a second run on
 * the same data and date changes nothing. Under the nightly lock, so it never runs beside a nightly run.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancelActionsOffScenario, cancelEmptyActions, planActions, releaseDocuments } from "@/db/queries/collection-engine";
import { mergeSameDayActions } from "@/db/queries/collection-merge";
import { type PaymentPlanOutcomes, settlePaymentPlans } from "@/db/queries/payment-plan-outcomes";
import { withNightlyLock } from "./nightly-lock";

export type EvaluationReport = {
  date: string;
  horizonDays: number;
  /** Pending actions cancelled because the client's scenario changed. */
  cancelledOffScenario: number;
  /** Documents taken out of pending actions: settled, disputed, promised or client paused. */
  releasedDocuments: number;
  /** Pending actions cancelled as « sans objet » once they cover no document. */
  cancelledEmpty: number;
  createdActions: number;
  coveredDocuments: number;
  /** Client-step-date groups left out because their documents total less than the step's minimum. */
  skippedBelowMinimum: number;
  /** Automatic actions cancelled as « Regroupée avec … »: a higher step of the same channel goes out that day. */
  mergedActions: number;
  /** Échéanciers settled from the payments imported: instalments paid, plans kept or broken. */
  paymentPlans: PaymentPlanOutcomes;
};

/** An evaluation started by hand: takes the nightly lock, refused (NightlyRunBusy) while a run holds it. */
export function evaluateScenarios(db: Db, date: string, horizonDays: number): Promise<EvaluationReport> {
  return withNightlyLock(db, () => applyScenarios(db, date, horizonDays));
}

/** The evaluation itself, for a caller that holds the nightly lock (the nightly run). */
export function applyScenarios(db: Db, date: string, horizonDays: number): Promise<EvaluationReport> {
  return db.transaction(async (tx) => {
    // The candidates of every client are sorted twice: in memory rather than in temporary files.
    await tx.execute(sql`set local work_mem = '64MB'`);
    // First: the pièces of a plan broken tonight are chased tonight, those of a plan kept leave the actions.
    const paymentPlans = await settlePaymentPlans(tx, date);
    const cancelledOffScenario = await cancelActionsOffScenario(tx);
    const releasedDocuments = await releaseDocuments(tx, date);
    const cancelledEmpty = await cancelEmptyActions(tx);
    const plan = await planActions(tx, date, horizonDays);
    const merge = await mergeSameDayActions(tx);
    // A merge can leave a later action with nothing left to chase.
    const cancelledAfterMerge = merge.mergedActions > 0 ? await cancelEmptyActions(tx) : 0;
    return {
      date,
      horizonDays,
      cancelledOffScenario,
      releasedDocuments,
      cancelledEmpty: cancelledEmpty + cancelledAfterMerge,
      createdActions: plan.actions,
      coveredDocuments: plan.documents,
      skippedBelowMinimum: plan.skippedBelowMinimum,
      mergedActions: merge.mergedActions,
      paymentPlans,
    };
  });
}
