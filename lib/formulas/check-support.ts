/** What the checker's parts share: the failure they throw, the scope they pass down, French type names. */
import type { CalculatedColumnType } from "@/db/schema/calculated";
import type { Expr, Span, Typed, ValueType } from "./ast";

/**
 * Thrown inside the checker, caught once at its entry. `whole` failures (cycles, size) keep their message when they
 * surface through a reference; others get the referenced column's name in front.
 */
export class FormulaFailure extends Error {
  readonly span: Span;

  constructor(
    message: string,
    at: Span,
    readonly whole = false,
  ) {
    super(message);
    this.span = { start: at.start, end: at.end };
  }
}

export function fail(message: string, span: Span): never {
  throw new FormulaFailure(message, span);
}

/** Inside a pièce aggregate, the function's name as the catalogue writes it (« SOMME »). */
export type Scope = { aggregate?: string };
export type Check = (expr: Expr, scope: Scope) => Typed;

const typeNames: Record<ValueType, string> = { number: "un nombre", text: "un texte", boolean: "une valeur oui/non" };
export const typeName = (type: ValueType) => typeNames[type];

export function expectType(typed: Typed, type: ValueType, expr: Expr, what: string): Typed {
  if (typed.t !== type) fail(`Types incompatibles : ${what} attend ${typeName(type)}, pas ${typeName(typed.t)}`, expr);
  return typed;
}

export function valueTypeOf(type: CalculatedColumnType): ValueType {
  return type === "text" || type === "boolean" ? type : "number";
}

export const quote = (text: string) => `« ${text} »`;
