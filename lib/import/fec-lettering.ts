/**
 * What stays open of each customer line of a FEC once its lettering is read. The rule keeps, for every
 * account, Σ open = Σ debit − Σ credit of its lines, whatever the lettering:
 * - an unlettered line stays open in full (an unlettered credit is an unapplied payment);
 * - a lettering group that nets to zero is settled, on its DateLet or else its latest entry date;
 * - a group that does not net to zero (lettered against items outside the file, typically invoices summed
 *   into an opening balance) leaves its residual open: the opposite side settles the oldest lines first and
 *   the most recent ones stay open, partially when needed.
 */

export type LetteredLine = {
  row: number;
  entryDate: string;
  cents: bigint;
  letter: string;
  letteredOn: string | null;
  /** Filled by settleLettering. */
  openCents: bigint;
  /** Date the line stopped being open; "" while some of it is open. */
  settledOn: string;
};

export type UnbalancedGroup = { letter: string; residualCents: bigint; rows: number[] };

/** Sets openCents and settledOn on every line of one account; returns the groups that do not net to zero. */
export function settleLettering(lines: readonly LetteredLine[]): UnbalancedGroup[] {
  const groups = new Map<string, LetteredLine[]>();
  for (const line of lines) {
    if (line.letter === "") {
      line.openCents = line.cents;
      line.settledOn = line.cents === 0n ? line.entryDate : "";
      continue;
    }
    const group = groups.get(line.letter);
    if (group) group.push(line);
    else groups.set(line.letter, [line]);
  }
  const unbalanced: UnbalancedGroup[] = [];
  for (const [letter, group] of groups) {
    const residual = settleGroup(group);
    if (residual !== 0n) unbalanced.push({ letter, residualCents: residual, rows: group.map((l) => l.row) });
  }
  return unbalanced;
}

function settleGroup(group: LetteredLine[]): bigint {
  let residual = 0n;
  let latestLettering = "";
  let latestEntry = "";
  for (const line of group) {
    residual += line.cents;
    if (line.letteredOn && line.letteredOn > latestLettering) latestLettering = line.letteredOn;
    if (line.entryDate > latestEntry) latestEntry = line.entryDate;
  }
  const groupDate = latestLettering || latestEntry;
  // The side the residual stays on (debits when the group is short of payments) is consumed oldest first.
  const openSide = residual > 0n ? 1n : -1n;
  let available = 0n;
  for (const line of group) if (line.cents * openSide < 0n) available -= line.cents * openSide;
  const chronological = [...group].sort((a, b) => (a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.row - b.row));
  for (const line of chronological) {
    const size = line.cents * openSide;
    if (residual === 0n || size <= 0n) {
      line.openCents = 0n;
    } else {
      const consumed = available < size ? available : size;
      available -= consumed;
      line.openCents = (size - consumed) * openSide;
    }
    line.settledOn = line.openCents === 0n ? line.letteredOn || groupDate : "";
  }
  return residual;
}
