/**
 * The nightly lock: one lease row (job_leases) held for a whole nightly run, sends included, and by a scenario
 * evaluation started by hand. A lease rather than a transaction lock because a run spans many transactions, and
 * under Inngest many requests: its holder id travels from step to step. A heartbeat renews it while work runs; a
 * crashed holder stops renewing and its lease expires on its own.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { acquireJobLease, releaseJobLease, renewJobLease } from "@/db/queries/job-runs";

export const NIGHTLY_LOCK = "nightly-run";
/** Long enough to bridge the gap between two Inngest steps; short enough that a crashed run is replaced soon. */
const LEASE_SECONDS = 120;
const HEARTBEAT_MS = 30_000;

export class NightlyRunBusy extends Error {
  constructor() {
    super("Un traitement de nuit est déjà en cours : attendez qu'il se termine.");
    this.name = "NightlyRunBusy";
  }
}

export class NightlyLockLost extends Error {
  constructor() {
    super("Le traitement de nuit a perdu son verrou (arrêté trop longtemps) : un autre traitement l'a repris.");
    this.name = "NightlyLockLost";
  }
}

export const newLockHolder = () => randomUUID();

/** Takes the lock for `holder`, or throws NightlyRunBusy while another holder's lease runs. */
export async function takeNightlyLock(db: Db, holder: string): Promise<void> {
  if (!(await acquireJobLease(db, NIGHTLY_LOCK, holder, LEASE_SECONDS))) throw new NightlyRunBusy();
}

/**
 * Runs `work` under `holder`'s lock, renewing it meanwhile. A lease that lapsed with nobody taking it over is
 * taken again (an Inngest step retried late); one another holder took throws NightlyLockLost, before the work
 * or after it when lost during it.
 */
export async function whileHoldingNightlyLock<T>(db: Db, holder: string, work: () => Promise<T>): Promise<T> {
  if (!(await acquireJobLease(db, NIGHTLY_LOCK, holder, LEASE_SECONDS))) throw new NightlyLockLost();
  let lost = false;
  const heartbeat = setInterval(() => {
    renewJobLease(db, NIGHTLY_LOCK, holder, LEASE_SECONDS).then(
      (kept) => (lost ||= !kept),
      (error) => console.error("[jobs] verrou du traitement de nuit non renouvelé :", error),
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const result = await work();
    if (lost) throw new NightlyLockLost();
    return result;
  } finally {
    clearInterval(heartbeat);
  }
}

export function releaseNightlyLock(db: Db, holder: string): Promise<void> {
  return releaseJobLease(db, NIGHTLY_LOCK, holder);
}

/** For work started outside a nightly run: takes the lock (or throws NightlyRunBusy), runs `work`, gives it back. */
export async function withNightlyLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const holder = newLockHolder();
  await takeNightlyLock(db, holder);
  try {
    return await whileHoldingNightlyLock(db, holder, work);
  } finally {
    await releaseNightlyLock(db, holder);
  }
}
