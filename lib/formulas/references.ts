/**
 * The `[Nom]` references a formula makes to other calculated columns, read by the formula's own lexer (string
 * literals skipped) so that deleting a column can name those using it and renaming one can rewrite them.
 */

import { fold } from "./fold";
import { formulaLexer, Reference as ReferenceToken } from "./tokens";

/** How names compare: ignoring case, accents and surrounding spaces. */
export function foldName(name: string): string {
  return fold(name.trim());
}

type Reference = { name: string; start: number; end: number };

/** Every `[…]` outside a string literal, with its span (brackets included), as the formula's lexer reads them. */
export function findReferences(formula: string): Reference[] {
  return formulaLexer
    .tokenize(formula)
    .tokens.filter((token) => token.tokenType === ReferenceToken)
    .map((token) => ({ name: token.image.slice(1, -1), start: token.startOffset, end: token.startOffset + token.image.length }));
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
