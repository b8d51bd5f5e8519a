/**
 * The two trees of a calculated column's formula: `Expr` as parsed (positions kept for French errors) and
 * `Typed` once checked (names resolved, references to other columns inlined, types known), which is all the SQL
 * compiler ever sees.
 */
import type { ClientFieldKey, DocumentFieldKey, SnapshotFieldKey } from "./catalog";

/** Offsets in the formula text, end exclusive. */
export type Span = { start: number; end: number };

export type DurationUnit = "day" | "week" | "month" | "year";
/** A sliding window ending on the evaluation day: « 90 j », « 6 mois », « 1 an ». */
export type Duration = { amount: number; unit: DurationUnit };

export type BinaryOp = "+" | "-" | "*" | "/" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type Expr = Span &
  (
    | { kind: "number"; value: number }
    | { kind: "string"; value: string }
    | { kind: "duration"; value: Duration }
    /** A bare name as typed: `encours`, `pièces`, `pièces.ouvert`, `échue`, `VRAI`. */
    | { kind: "name"; name: string }
    /** `[Nom]`: another calculated column, else a custom field of the client. */
    | { kind: "ref"; name: string }
    | { kind: "call"; name: string; nameSpan: Span; args: Expr[] }
    | { kind: "unary"; op: "-" | "+"; operand: Expr }
    /** Postfix `%`: `30 %` is 0.3. */
    | { kind: "percent"; operand: Expr }
    | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr }
  );

export type ValueType = "number" | "text" | "boolean";

export type DocumentAggregate = "sum" | "count" | "avg" | "min" | "max";
export type SnapshotAggregate = "avg" | "min" | "max";
export type Indicator = "dso" | "dbt" | "cei" | "sales";

export type TypedOp = "+" | "-" | "*" | "/" | "neg" | "=" | "<>" | "<" | ">" | "<=" | ">=" | "and" | "or" | "not";
export type TypedFn = "if" | "round" | "min" | "max" | "abs" | "isblank" | "tonumber";

export type Typed =
  | { t: ValueType; kind: "literal"; value: number | string | boolean | null }
  | { t: ValueType; kind: "client"; field: ClientFieldKey }
  /** A custom field imported on clients: text. */
  | { t: "text"; kind: "custom"; name: string }
  /** A field of the pièce being aggregated: only inside a `documents` node's `of` or `where`. */
  | { t: ValueType; kind: "document"; field: DocumentFieldKey }
  /**
   * An aggregate over the client's pièces (every type and status; the condition narrows them). `of` is absent
   * for NB. `window` keeps the pièces issued in the window ending on the evaluation day.
   */
  | { t: "number"; kind: "documents"; fn: DocumentAggregate; of?: Typed; where?: Typed; window?: Duration }
  /** An aggregate of the client's daily snapshots over the window ending on the evaluation day. */
  | { t: "number"; kind: "snapshots"; fn: SnapshotAggregate; field: SnapshotFieldKey; window: Duration }
  /** DSO, DBT, CEI and VENTES over a window (DBT without a window: today's open pièces). */
  | { t: "number"; kind: "indicator"; fn: Indicator; window?: Duration }
  | { t: ValueType; kind: "op"; op: TypedOp; args: Typed[] }
  | { t: ValueType; kind: "fn"; fn: TypedFn; args: Typed[] };

/** A French message and where in the formula it points. */
export type FormulaError = { message: string; start: number; end: number };
