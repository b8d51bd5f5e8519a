import type { Db, Tx } from "@/db/client";
import { tryJobLock } from "@/db/queries/job-runs";

export class NightlyRunBusy extends Error {
  constructor() {
    super("Un traitement de nuit est déjà en cours : attendez qu'il se termine.");
    this.name = "NightlyRunBusy";
  }
}

/**
 * Runs `work` in a transaction holding the nightly lock, so two runs (or a run and a scenario evaluation started
 * by hand) never interleave. The lock goes with the transaction: a crashed process leaves nothing behind.
 */
export function withNightlyLock<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (!(await tryJobLock(tx, "nightly-run"))) throw new NightlyRunBusy();
    return work(tx);
  });
}
