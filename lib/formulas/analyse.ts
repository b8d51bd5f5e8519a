/** A calculated column's formula checked end to end: parsed, typed against the column's type, and classified. */
import type { CalculatedColumnType } from "@/db/schema/calculated";
import type { FormulaError, Typed } from "./ast";
import { checkFormula, type FormulaContext } from "./check";
import { typeName, valueTypeOf } from "./check-support";
import { parseFormula } from "./parse";

export type { FormulaContext } from "./check";

export type Analysis =
  | { ok: true; typed: Typed; materialised: boolean; dependsOn: string[] }
  | { ok: false; error: FormulaError };

export function analyseFormula(text: string, type: CalculatedColumnType, ctx: FormulaContext): Analysis {
  const parsed = parseFormula(text);
  if (!parsed.ok) return parsed;
  const checked = checkFormula(parsed.expr, ctx);
  if (!checked.ok) return checked;
  const expected = valueTypeOf(type);
  if (checked.typed.t !== expected) {
    const message = `La formule donne ${typeName(checked.typed.t)} ; la colonne attend ${typeName(expected)}`;
    return { ok: false, error: { message, start: parsed.expr.start, end: parsed.expr.end } };
  }
  return { ok: true, typed: checked.typed, materialised: isMaterialised(checked.typed), dependsOn: checked.dependsOn };
}

/** Windows over pièces or snapshots are computed by the nightly run; everything else reads the client row. */
export function isMaterialised(typed: Typed): boolean {
  switch (typed.kind) {
    case "documents": case "snapshots": case "indicator": return true;
    case "op": case "fn": return typed.args.some(isMaterialised);
    default: return false;
  }
}
