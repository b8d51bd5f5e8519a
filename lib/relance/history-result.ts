import { type ActionOutcome, actionOutcomeLabels } from "@/lib/collection/labels";

type Finished = { status: string; outcome: string | null; note: string | null; disputeReason: string | null; cancelReason: string | null };

/** What an action came to, in one line: the outcome logged (with a dispute's reason) and its note, or why it was cancelled. */
export function historyResult(row: Finished): string {
  if (row.status === "cancelled") return row.cancelReason ?? "";
  const label = row.outcome ? (actionOutcomeLabels[row.outcome as ActionOutcome] ?? row.outcome) : "";
  const outcome = label && row.disputeReason ? `${label} : ${row.disputeReason}` : label;
  return [outcome, row.note].filter(Boolean).join(" — ");
}

/** The status an action reads as: a send that stayed in the outbox is « simulated », not « sent ». */
export function shownStatus(row: { status: string; simulated: boolean }): string {
  return row.status === "sent" && row.simulated ? "simulated" : row.status;
}
