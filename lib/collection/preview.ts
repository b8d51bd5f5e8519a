/**
 * What the next nights would create if nothing else changed (no payment, dispute or import): the engine's rules
 * (SPEC §7) replayed night after night in memory from one read of the candidates, so a supervisor sees the
 * coming workload without anything being written. A test checks it against real nightly runs.
 */
import type { PreviewCandidate } from "@/db/queries/engine-preview";
import { addDays } from "@/lib/dates";
import { fromCents, toCents } from "@/lib/templates/decimal";

export type NightCount = { night: string; stepId: string; actions: number; amount: string };

type Member = { documentId: number; offsetDays: number };
type Group = { stepId: string; minCents: bigint; cents: bigint; members: Member[] };

export function simulateNights(input: {
  date: string;
  horizonDays: number;
  nights: number;
  candidates: PreviewCandidate[];
  /** Pending actions (client, step, planned date) that documents join instead of creating a new action. */
  pending: { clientId: string; stepId: string; plannedDate: string }[];
}): NightCount[] {
  const byDocument = new Map<number, PreviewCandidate[]>();
  for (const c of input.candidates) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c]);
  for (const steps of byDocument.values()) steps.sort((a, b) => a.offsetDays - b.offsetDays);
  const coveredUpTo = new Map<number, number>();
  const pendingKeys = new Set(input.pending.map((p) => `${p.clientId}|${p.stepId}|${p.plannedDate}`));
  const out: NightCount[] = [];

  for (let n = 0; n < input.nights; n++) {
    const night = addDays(input.date, n);
    const horizon = addDays(night, input.horizonDays);
    const groups = new Map<string, Group>();
    for (const [documentId, steps] of byDocument) {
      const covered = coveredUpTo.get(documentId) ?? -Infinity;
      const open = steps.filter((s) => s.offsetDays > covered && s.stepDate <= horizon);
      const reached = open.filter((s) => s.stepDate <= night);
      const chosen = [...reached.slice(-1), ...open.filter((s) => s.stepDate > night)];
      for (const step of chosen) {
        const planned = step.stepDate > night ? step.stepDate : night;
        const key = `${step.clientId}|${step.stepId}|${planned}`;
        const group = groups.get(key) ?? { stepId: step.stepId, minCents: toCents(step.minAmount), cents: 0n, members: [] };
        group.cents += toCents(step.openAmount);
        group.members.push({ documentId, offsetDays: step.offsetDays });
        groups.set(key, group);
      }
    }
    const created = new Map<string, { actions: number; cents: bigint }>();
    for (const [key, group] of groups) {
      if (group.cents < group.minCents) continue;
      if (!pendingKeys.has(key)) {
        pendingKeys.add(key);
        const count = created.get(group.stepId) ?? { actions: 0, cents: 0n };
        created.set(group.stepId, { actions: count.actions + 1, cents: count.cents + group.cents });
      }
      for (const m of group.members) coveredUpTo.set(m.documentId, Math.max(coveredUpTo.get(m.documentId) ?? -Infinity, m.offsetDays));
    }
    for (const [stepId, { actions, cents }] of created) out.push({ night, stepId, actions, amount: fromCents(cents) });
  }
  return out;
}
