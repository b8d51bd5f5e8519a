/**
 * `Expr` → `Typed`: names resolved ignoring case and accents, other columns inlined, every type known, or a French
 * error pointing at the offending part of the formula.
 */
import type { CalculatedColumnType } from "@/db/schema/calculated";
import type { Expr, FormulaError, Typed } from "./ast";
import { clientFields, documentFields, functions, type ClientFieldKey, type DocumentFieldKey } from "./catalog";
import { checkCall } from "./check-calls";
import { expectType, fail, FormulaFailure, quote, typeName, valueTypeOf, type Scope } from "./check-support";
import { didYouMean, fold } from "./fold";
import { parseFormula } from "./parse";

export type FormulaContext = {
  columns: { id: string; name: string; type: CalculatedColumnType; formula: string }[];
  customFields: string[];
  /** The column being edited: a reference to itself is a cycle. */
  selfId?: string;
};

export type CheckResult = { ok: true; typed: Typed; dependsOn: string[] } | { ok: false; error: FormulaError };

export const maxInlinedNodes = 2000;

type Column = FormulaContext["columns"][number];
type State = { ctx: FormulaContext; path: Column[]; dependsOn: Set<string>; nodes: number };

const byFold = <K extends string>(fields: Record<K, { name: string }>) =>
  new Map(Object.entries<{ name: string }>(fields).map(([key, field]) => [fold(field.name), key as K]));
const clientKeys = byFold<ClientFieldKey>(clientFields);
export const documentKeys = byFold<DocumentFieldKey>(documentFields);
const clientNames = Object.values(clientFields).map((field) => field.name);
const documentNames = Object.values(documentFields).map((field) => field.name);
const piecesNames = documentNames.map((name) => `pièces.${name}`);

export function checkFormula(expr: Expr, ctx: FormulaContext): CheckResult {
  const self = ctx.columns.find((column) => column.id === ctx.selfId);
  const state: State = { ctx, path: self ? [self] : [], dependsOn: new Set(), nodes: 0 };
  try {
    return { ok: true, typed: check(expr, state, {}), dependsOn: [...state.dependsOn] };
  } catch (error) {
    if (!(error instanceof FormulaFailure)) throw error;
    return { ok: false, error: { message: error.message, ...error.span } };
  }
}

function check(expr: Expr, state: State, scope: Scope): Typed {
  if (++state.nodes > maxInlinedNodes) {
    const message = "La formule est trop grande une fois les colonnes référencées remplacées (2 000 éléments au plus)";
    throw new FormulaFailure(message, expr, true);
  }
  const sub = (inner: Expr, innerScope: Scope) => check(inner, state, innerScope);
  switch (expr.kind) {
    case "number": return { t: "number", kind: "literal", value: expr.value };
    case "string": return { t: "text", kind: "literal", value: expr.value };
    case "duration":
      return fail("Une période (ex. 90 j) ne s'utilise qu'en argument de SOMME, NB, MOYENNE, MIN, MAX, DSO, DBT, CEI ou VENTES", expr);
    case "name": return resolveName(expr.name, expr, scope);
    case "ref": return resolveReference(expr.name, expr, state, scope);
    case "call": return checkCall(expr, scope, sub);
    case "unary": {
      const operand = expectType(sub(expr.operand, scope), "number", expr.operand, quote(expr.op));
      if (expr.op === "+") return operand;
      if (operand.kind === "literal" && typeof operand.value === "number") return { ...operand, value: -operand.value };
      return { t: "number", kind: "op", op: "neg", args: [operand] };
    }
    case "percent": {
      const operand = expectType(sub(expr.operand, scope), "number", expr.operand, "« % »");
      if (operand.kind === "literal" && typeof operand.value === "number") return { ...operand, value: operand.value / 100 };
      return { t: "number", kind: "op", op: "/", args: [operand, { t: "number", kind: "literal", value: 100 }] };
    }
    case "binary": {
      const left = sub(expr.left, scope);
      const right = sub(expr.right, scope);
      if (["+", "-", "*", "/"].includes(expr.op)) {
        const what = quote(expr.op);
        return { t: "number", kind: "op", op: expr.op, args: [expectType(left, "number", expr.left, what), expectType(right, "number", expr.right, what)] };
      }
      if (left.t !== right.t) fail(`Types incompatibles : comparaison entre ${typeName(left.t)} et ${typeName(right.t)}`, expr);
      if (left.t === "boolean" && expr.op !== "=" && expr.op !== "<>") fail("Les valeurs oui/non ne se comparent qu'avec = ou <>", expr);
      return { t: "boolean", kind: "op", op: expr.op, args: [left, right] };
    }
  }
}

function resolveName(name: string, expr: Expr, scope: Scope): Typed {
  const folded = fold(name);
  if (folded === "vrai" || folded === "faux") return { t: "boolean", kind: "literal", value: folded === "vrai" };
  const [head, field] = folded.split(".");
  const outside = () =>
    fail(`${quote(name)} est un champ des pièces : il ne s'utilise que dans SOMME, NB, MOYENNE, MIN ou MAX (ex. NB(pièces; échue))`, expr);
  if (field !== undefined) {
    if (head !== "pieces") fail(`Champ inconnu : ${quote(name)}${didYouMean(name, scope.aggregate ? piecesNames : clientNames)}`, expr);
    const key = documentKeys.get(field);
    if (!key) fail(`Champ des pièces inconnu : ${quote(name)}${didYouMean(name, piecesNames)}`, expr);
    if (!scope.aggregate) outside();
    return { t: documentFields[key].type, kind: "document", field: key };
  }
  if (folded === "pieces") {
    if (!scope.aggregate) outside();
    fail("« pièces » désigne l'ensemble des pièces : précisez un champ (ex. pièces.ouvert)", expr);
  }
  if (scope.aggregate) {
    const key = documentKeys.get(folded);
    if (key) return { t: documentFields[key].type, kind: "document", field: key };
    if (clientKeys.has(folded)) {
      fail(`${quote(name)} est un champ du client : dans ${quote(scope.aggregate)}, seuls les champs des pièces sont permis (ex. pièces.ouvert)`, expr);
    }
  } else {
    const key = clientKeys.get(folded);
    if (key) return { t: clientFields[key].type, kind: "client", field: key };
    if (documentKeys.has(folded)) outside();
  }
  const fn = Object.keys(functions).find((candidate) => fold(candidate) === folded);
  if (fn) fail(`${quote(fn)} est une fonction : écrivez ${fn}(…)`, expr);
  const candidates = scope.aggregate ? [...documentNames, ...piecesNames] : [...clientNames, "VRAI", "FAUX"];
  return fail(`Champ inconnu : ${quote(name)}${didYouMean(name, candidates)}`, expr);
}

function resolveReference(name: string, expr: Expr, state: State, scope: Scope): Typed {
  if (scope.aggregate) {
    fail(`Les colonnes et champs importés ne s'utilisent pas dans ${quote(scope.aggregate)} : seuls les champs des pièces y sont permis`, expr);
  }
  const folded = fold(name);
  const column = state.ctx.columns.find((candidate) => fold(candidate.name) === folded);
  if (column) return inlineColumn(column, expr, state);
  const custom = state.ctx.customFields.find((candidate) => fold(candidate) === folded);
  if (custom !== undefined) return { t: "text", kind: "custom", name: custom };
  const candidates = [...state.ctx.columns.map((candidate) => candidate.name), ...state.ctx.customFields];
  return fail(`Colonne ou champ importé inconnu : ${quote(name)}${didYouMean(name, candidates)}`, expr);
}

function inlineColumn(column: Column, expr: Expr, state: State): Typed {
  const seen = state.path.findIndex((candidate) => candidate.id === column.id);
  if (seen >= 0) {
    const cycle = [...state.path.slice(seen), column].map((candidate) => candidate.name).join(" → ");
    throw new FormulaFailure(`Référence circulaire : ${cycle}`, expr, true);
  }
  state.dependsOn.add(column.id);
  const parsed = parseFormula(column.formula);
  if (!parsed.ok) fail(`La colonne ${quote(column.name)} a une formule invalide : ${parsed.error.message}`, expr);
  state.path.push(column);
  let typed: Typed;
  try {
    typed = check(parsed.expr, state, {});
  } catch (error) {
    if (!(error instanceof FormulaFailure)) throw error;
    // Positions inside the other column's formula mean nothing here: point at the reference instead.
    throw new FormulaFailure(error.whole ? error.message : `Colonne ${quote(column.name)} : ${error.message}`, expr, true);
  } finally {
    state.path.pop();
  }
  const expected = valueTypeOf(column.type);
  if (typed.t !== expected) fail(`La colonne ${quote(column.name)} donne ${typeName(typed.t)} ; son type attend ${typeName(expected)}`, expr);
  return typed;
}
