/** The functions: arity, argument types, windows, and which aggregates may read pièces or snapshots. */
import type { DocumentAggregate, Duration, Expr, Indicator, Typed } from "./ast";
import { clientFields, documentFields, functions, snapshotFields, type FunctionName, type SnapshotFieldKey } from "./catalog";
import { expectType, fail, quote, typeName, type Check, type Scope } from "./check-support";
import { didYouMean, fold } from "./fold";

type Call = Extract<Expr, { kind: "call" }>;

const functionNames = Object.keys(functions) as FunctionName[];
const documentAggregates: Partial<Record<FunctionName, DocumentAggregate>> = { SOMME: "sum", NB: "count", MOYENNE: "avg", MIN: "min", MAX: "max" };
const indicators: Partial<Record<FunctionName, Indicator>> = { DSO: "dso", DBT: "dbt", CEI: "cei", VENTES: "sales" };
const maxWindow: Record<Duration["unit"], number> = { day: 1095, week: 156, month: 36, year: 3 };
const snapshotKeys = new Map(Object.entries(snapshotFields).map(([key, name]) => [fold(name), key as SnapshotFieldKey]));
const clientFolded = new Set(Object.values(clientFields).map((field) => fold(field.name)));
const documentFolded = new Set(Object.values(documentFields).map((field) => fold(field.name)));

const isPieces = (expr: Expr) => expr.kind === "name" && fold(expr.name) === "pieces";
const isDocumentName = (name: string) => fold(name).startsWith("pieces.") || documentFolded.has(fold(name));
const snapshotKey = (expr: Expr) => (expr.kind === "name" ? snapshotKeys.get(fold(expr.name)) : undefined);

/** Whether an expression names pièce fields, which makes MIN/MAX an aggregate rather than least/greatest. */
function readsPieces(expr: Expr): boolean {
  switch (expr.kind) {
    case "name": return isDocumentName(expr.name) && !clientFolded.has(fold(expr.name));
    case "call": return expr.args.some(readsPieces);
    case "unary": case "percent": return readsPieces(expr.operand);
    case "binary": return readsPieces(expr.left) || readsPieces(expr.right);
    default: return false;
  }
}

function arity(call: Call, fn: FunctionName, min: number, max: number) {
  const n = call.args.length;
  if (n >= min && n <= max) return;
  const plural = (count: number) => (count > 1 ? "arguments" : "argument");
  const expected = min === max ? `${min} ${plural(min)}` : max === Infinity ? `au moins ${min} ${plural(min)}` : min === 0 ? `au plus ${max} ${plural(max)}` : `${min} à ${max} arguments`;
  fail(`${quote(fn)} attend ${expected}`, call);
}

function window(expr: Expr, fn: FunctionName): Duration {
  if (expr.kind !== "duration") return fail(`${quote(fn)} attend une période (ex. 90 j, 6 mois, 1 an)`, expr);
  const { amount, unit } = expr.value;
  if (!Number.isInteger(amount) || amount < 1) fail("La période doit être un nombre entier positif (ex. 90 j)", expr);
  if (amount > maxWindow[unit]) fail("La période ne peut dépasser 3 ans (1 095 j, 156 sem, 36 mois)", expr);
  return expr.value;
}

export function checkCall(call: Call, scope: Scope, check: Check): Typed {
  const fn = functionNames.find((name) => fold(name) === fold(call.name));
  if (!fn) return fail(`Fonction inconnue : ${quote(call.name)}${didYouMean(call.name, functionNames)}`, call.nameSpan);
  const args = call.args;
  const arg = (i: number, type: Typed["t"]) => expectType(check(args[i], scope), type, args[i], quote(fn));
  const aggregate = documentAggregates[fn];
  const indicator = indicators[fn];
  if (scope.aggregate && (indicator || (aggregate && fn !== "MIN" && fn !== "MAX"))) {
    fail(`Les agrégats ne s'imbriquent pas : ${quote(fn)} dans ${quote(scope.aggregate)}`, call.nameSpan);
  }
  if (indicator) {
    arity(call, fn, fn === "DBT" ? 0 : 1, 1);
    return args.length === 0 ? { t: "number", kind: "indicator", fn: indicator } : { t: "number", kind: "indicator", fn: indicator, window: window(args[0], fn) };
  }
  if (fn === "MOYENNE" && args.length > 0 && snapshotKey(args[0])) return snapshots(call, fn);
  if ((fn === "MIN" || fn === "MAX") && !scope.aggregate) {
    if (args.length === 2 && snapshotKey(args[0]) && args[1].kind === "duration") return snapshots(call, fn);
    if (args.some((a) => a.kind === "duration") || (args.length > 0 && readsPieces(args[0]))) return documents(call, fn, check);
  }
  if (aggregate && fn !== "MIN" && fn !== "MAX") return documents(call, fn, check);
  switch (fn) {
    case "MIN": case "MAX": {
      if (args.length < 2) fail(`${quote(fn)} attend au moins 2 nombres, ou un champ des pièces (ex. ${fn}(pièces.retard; ouverte))`, call);
      return { t: "number", kind: "fn", fn: fn === "MIN" ? "min" : "max", args: args.map((_, i) => arg(i, "number")) };
    }
    case "SI": {
      arity(call, fn, 2, 3);
      const condition = arg(0, "boolean");
      const then = check(args[1], scope);
      const otherwise = args[2] ? check(args[2], scope) : { t: then.t, kind: "literal" as const, value: null };
      if (otherwise.t !== then.t) {
        fail(`Types incompatibles : « SI » donne ${typeName(then.t)} si vrai et ${typeName(otherwise.t)} sinon`, args[2]);
      }
      return { t: then.t, kind: "fn", fn: "if", args: [condition, then, otherwise] };
    }
    case "ET": case "OU":
      arity(call, fn, 2, Infinity);
      return { t: "boolean", kind: "op", op: fn === "ET" ? "and" : "or", args: args.map((_, i) => arg(i, "boolean")) };
    case "NON":
      arity(call, fn, 1, 1);
      return { t: "boolean", kind: "op", op: "not", args: [arg(0, "boolean")] };
    case "ARRONDI": {
      arity(call, fn, 1, 2);
      const digits = args[1] ?? { kind: "number", value: 0, start: 0, end: 0 };
      if (digits.kind !== "number" || !Number.isInteger(digits.value) || digits.value > 6) {
        fail("Le nombre de décimales d'« ARRONDI » doit être un entier de 0 à 6", digits);
      }
      return { t: "number", kind: "fn", fn: "round", args: [arg(0, "number"), { t: "number", kind: "literal", value: digits.value }] };
    }
    case "ABS":
      arity(call, fn, 1, 1);
      return { t: "number", kind: "fn", fn: "abs", args: [arg(0, "number")] };
    case "ESTVIDE":
      arity(call, fn, 1, 1);
      return { t: "boolean", kind: "fn", fn: "isblank", args: [check(args[0], scope)] };
    case "CNUM":
      arity(call, fn, 1, 1);
      return { t: "number", kind: "fn", fn: "tonumber", args: [arg(0, "text")] };
  }
  return fail(`Fonction inconnue : ${quote(call.name)}`, call.nameSpan);
}

function snapshots(call: Call, fn: "MOYENNE" | "MIN" | "MAX"): Typed {
  const field = snapshotKey(call.args[0])!;
  if (call.args.length !== 2) fail(`${quote(fn)} des photographies attend un champ et une période : ${fn}(${snapshotFields[field]}; 6 mois)`, call);
  const fns = { MOYENNE: "avg", MIN: "min", MAX: "max" } as const;
  return { t: "number", kind: "snapshots", fn: fns[fn], field, window: window(call.args[1], fn) };
}

function documents(call: Call, fn: FunctionName, check: Check): Typed {
  const inside: Scope = { aggregate: fn };
  const [first, ...rest] = call.args;
  const example = fn === "NB" ? "« pièces » en premier argument (ex. NB(pièces; échue))" : "un champ des pièces en premier argument (ex. pièces.ouvert)";
  if (!first || (fn === "NB") !== isPieces(first) || (first.kind === "name" && fn !== "NB" && !isDocumentName(first.name))) {
    fail(`${quote(fn)} attend ${example}`, first ?? call);
  }
  arity(call, fn, 1, 3);
  const of = fn === "NB" ? undefined : expectType(check(first, inside), "number", first, quote(fn));
  if (of && !readsPieces(first)) fail(`${quote(fn)} attend ${example}`, first);
  let where: Typed | undefined;
  let span: Duration | undefined;
  for (const extra of rest) {
    if (extra.kind === "duration") {
      if (span) fail(`${quote(fn)} accepte une seule période`, extra);
      span = window(extra, fn);
      continue;
    }
    if (where) fail(`${quote(fn)} accepte une seule condition`, extra);
    where = check(extra, inside);
    if (where.t !== "boolean") fail(`${quote(fn)} attend une condition (oui/non) ou une période (ex. 90 j) après le premier argument`, extra);
  }
  return { t: "number", kind: "documents", fn: documentAggregates[fn]!, ...(of && { of }), ...(where && { where }), ...(span && { window: span }) };
}
