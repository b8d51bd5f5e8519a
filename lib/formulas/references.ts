/**
 * The `[Nom]` references a formula makes to other calculated columns, read from the text (string literals
 * skipped) so that deleting a column can name those using it and renaming one can rewrite them.
 */

import { fold } from "./fold";

/** How names compare: ignoring case, accents and surrounding spaces. */
export function foldName(name: string): string {
  return fold(name.trim());
}

type Reference = { name: string; start: number; end: number };

/** Every `[…]` outside a string literal, with its span (brackets included). */
export function findReferences(formula: string): Reference[] {
  const found: Reference[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string runs to the next lone quote; `""` is an escaped quote inside it.
      i++;
      while (i < formula.length) {
        if (formula[i] === '"' && formula[i + 1] === '"') i += 2;
        else if (formula[i] === '"') break;
        else i++;
      }
      i++;
    } else if (ch === "[") {
      const close = formula.indexOf("]", i + 1);
      if (close < 0) break;
      found.push({ name: formula.slice(i + 1, close), start: i, end: close + 1 });
      i = close + 1;
    } else {
      i++;
    }
  }
  return found;
}

/** Whether the formula names the column `name` (ignoring case and accents). */
export function referencesName(formula: string, name: string): boolean {
  const folded = foldName(name);
  return findReferences(formula).some((ref) => foldName(ref.name) === folded);
}

/** The formula with every reference to `from` written `[to]`; the rest of the text unchanged. */
export function renameReferences(formula: string, from: string, to: string): string {
  const folded = foldName(from);
  let out = "";
  let last = 0;
  for (const ref of findReferences(formula)) {
    if (foldName(ref.name) !== folded) continue;
    out += `${formula.slice(last, ref.start)}[${to}]`;
    last = ref.end;
  }
  return out + formula.slice(last);
}
