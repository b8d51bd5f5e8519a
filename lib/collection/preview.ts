/**
 * What the next nights would create if nothing else changed (no payment, dispute or import): the engine's rules
 * (SPEC §7) replayed night after night in memory from one read of the candidates, so a supervisor sees the
 * coming workload without anything being written. A test checks it against real nightly runs.
 */
import type { PreviewCandidate, PreviewPendingAction } from "@/db/queries/engine-preview";
import { addDays } from "@/lib/dates";
import { fromCents, toCents } from "@/lib/templates/decimal";

/** The actions a night creates and keeps (not those it merges away the same night), per step. */
export type NightCount = { night: string; stepId: string; actions: number; amount: string };

type SimAction = {
  clientId: string;
  stepId: string;
  offsetDays: number;
  plannedDate: string;
  channel: string | null;
  documents: Map<number, bigint>;
  createdOn: string | null;
};

type Group = { step: PreviewCandidate; planned: string; minCents: bigint; cents: bigint; members: PreviewCandidate[] };

export function simulateNights(input: {
  date: string;
  horizonDays: number;
  nights: number;
  candidates: PreviewCandidate[];
  pending: PreviewPendingAction[];
}): NightCount[] {
  const byDocument = new Map<number, PreviewCandidate[]>();
  for (const c of input.candidates) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c]);
  for (const steps of byDocument.values()) steps.sort((a, b) => a.offsetDays - b.offsetDays);
  const coveredUpTo = new Map<number, number>();
  const cover = (documentId: number, offset: number) =>
    coveredUpTo.set(documentId, Math.max(coveredUpTo.get(documentId) ?? -Infinity, offset));
  const live = new Map<string, SimAction>();
  const actionKey = (a: { clientId: string; stepId: string; plannedDate: string }) => `${a.clientId}|${a.stepId}|${a.plannedDate}`;
  for (const p of input.pending) {
    const documents = new Map(p.documents.map((d) => [d.documentId, toCents(d.openAmount)]));
    live.set(actionKey(p), { ...p, documents, createdOn: null });
  }
  const out: NightCount[] = [];

  for (let n = 0; n < input.nights; n++) {
    const night = addDays(input.date, n);
    const horizon = addDays(night, input.horizonDays);
    const groups = new Map<string, Group>();
    for (const [documentId, steps] of byDocument) {
      const covered = coveredUpTo.get(documentId) ?? -Infinity;
      const open = steps.filter((s) => s.offsetDays > covered && s.stepDate <= horizon);
      const reached = open.filter((s) => s.stepDate <= night);
      for (const step of [...reached.slice(-1), ...open.filter((s) => s.stepDate > night)]) {
        const planned = step.stepDate > night ? step.stepDate : night;
        const key = actionKey({ ...step, plannedDate: planned });
        const group = groups.get(key) ?? { step, planned, minCents: toCents(step.minAmount), cents: 0n, members: [] };
        group.cents += toCents(step.openAmount);
        group.members.push(step);
        groups.set(key, group);
      }
    }
    for (const [key, group] of groups) {
      if (group.cents < group.minCents) continue;
      const { step, planned } = group;
      const action = live.get(key) ?? { ...step, plannedDate: planned, documents: new Map(), createdOn: night };
      live.set(key, action);
      for (const m of group.members) {
        action.documents.set(m.documentId, toCents(m.openAmount));
        cover(m.documentId, m.offsetDays);
      }
    }
    mergeSameDay(live, cover);
    const created = new Map<string, { actions: number; cents: bigint }>();
    for (const action of live.values()) {
      if (action.createdOn !== night) continue;
      const count = created.get(action.stepId) ?? { actions: 0, cents: 0n };
      const cents = [...action.documents.values()].reduce((sum, c) => sum + c, 0n);
      created.set(action.stepId, { actions: count.actions + 1, cents: count.cents + cents });
    }
    for (const [stepId, { actions, cents }] of created) out.push({ night, stepId, actions, amount: fromCents(cents) });
    for (const [key, action] of live) if (action.plannedDate <= night) live.delete(key);
  }
  return out;
}

/**
 * One message per client, day and channel, as db/queries/collection-merge.ts does it: the highest step takes the
 * documents of the others, which are cancelled; a raised document leaves its later actions at or below that step.
 */
function mergeSameDay(live: Map<string, SimAction>, cover: (documentId: number, offset: number) => void) {
  const tops = new Map<string, SimAction>();
  const dayKey = (a: SimAction) => `${a.clientId}|${a.channel}|${a.plannedDate}`;
  for (const a of live.values()) {
    if (a.channel === null) continue;
    const top = tops.get(dayKey(a));
    if (!top || a.offsetDays > top.offsetDays) tops.set(dayKey(a), a);
  }
  const raised: { documentId: number; kept: SimAction }[] = [];
  for (const [key, a] of live) {
    const kept = a.channel === null ? a : tops.get(dayKey(a))!;
    if (kept === a) continue;
    for (const [documentId, cents] of a.documents) {
      kept.documents.set(documentId, cents);
      raised.push({ documentId, kept });
    }
    live.delete(key);
  }
  // A document is only ever in its own client's actions: each raised one looks through those alone.
  const ofClient = new Map<string, [string, SimAction][]>();
  for (const entry of live) {
    const list = ofClient.get(entry[1].clientId);
    if (list) list.push(entry);
    else ofClient.set(entry[1].clientId, [entry]);
  }
  for (const { documentId, kept } of raised) {
    cover(documentId, kept.offsetDays);
    for (const [key, a] of ofClient.get(kept.clientId) ?? []) {
      if (!live.has(key) || a === kept || a.plannedDate <= kept.plannedDate || a.offsetDays > kept.offsetDays) continue;
      a.documents.delete(documentId);
      if (a.documents.size === 0) live.delete(key);
    }
  }
}
