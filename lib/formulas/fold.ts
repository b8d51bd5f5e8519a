/** Names in formulas are matched ignoring case and accents; suggestions for a mistyped one. */

export function fold(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest candidate within two edits of the folded name, as the candidate is written. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const folded = fold(name);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = levenshtein(folded, fold(candidate));
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

export function didYouMean(name: string, candidates: readonly string[]): string {
  const suggestion = closest(name, candidates);
  return suggestion ? `. Vouliez-vous dire « ${suggestion} » ?` : "";
}
