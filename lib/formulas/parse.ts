/** Formula text → `Expr`, or a French error with its position. No evaluation happens here or anywhere. */
import { EmbeddedActionsParser, type IToken } from "chevrotain";
import type { BinaryOp, DurationUnit, Expr, FormulaError, Span } from "./ast";
import { durationUnits } from "./catalog";
import { fold } from "./fold";
import { lexingError, literalError, nestingError, parsingError } from "./parse-errors";
import {
  AddOp, allTokens, Comparison, formulaLexer, Identifier, LParen, MulOp, NumberLit, numberValue, Percent, Reference,
  RParen, Semicolon, StringLit,
} from "./tokens";

export const maxFormulaLength = 2000;

const binaryOps: Record<string, BinaryOp> = {
  "=": "=", "<>": "<>", "≠": "<>", "<": "<", ">": ">", "<=": "<=", "≤": "<=", ">=": ">=", "≥": ">=",
  "+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/",
};

const unitsByWord = new Map<string, DurationUnit>(
  Object.entries(durationUnits).flatMap(([unit, words]) => words.map((word) => [fold(word), unit as DurationUnit])),
);

const tokenSpan = (token: IToken): Span => ({ start: token.startOffset, end: token.startOffset + token.image.length });
const over = (from: Span, to: Span): Span => ({ start: from.start, end: to.end });

class FormulaParser extends EmbeddedActionsParser {
  constructor() {
    // The grammar checks call Object.groupBy, which Node 20 (the app's floor) lacks; they only guard grammar edits.
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2, skipValidations: true });
    this.performSelfAnalysis();
  }

  formula = this.RULE("formula", (): Expr => this.SUBRULE(this.comparison));

  // Non-associative: `a < b < c` leaves the second comparison unparsed, which the error message explains.
  comparison = this.RULE("comparison", (): Expr => {
    const left = this.SUBRULE(this.additive);
    let result = left;
    this.OPTION(() => {
      const op = this.CONSUME(Comparison);
      const right = this.SUBRULE2(this.additive);
      result = this.ACTION(() => binary(op, left, right));
    });
    return result;
  });

  additive = this.RULE("additive", (): Expr => {
    let result = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const op = this.CONSUME(AddOp);
      const right = this.SUBRULE2(this.multiplicative);
      result = this.ACTION(() => binary(op, result, right));
    });
    return result;
  });

  multiplicative = this.RULE("multiplicative", (): Expr => {
    let result = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.CONSUME(MulOp);
      const right = this.SUBRULE2(this.unary);
      result = this.ACTION(() => binary(op, result, right));
    });
    return result;
  });

  // A loop rather than recursion, so `- - - 1` cannot exhaust the stack.
  unary = this.RULE("unary", (): Expr => {
    const ops: IToken[] = [];
    this.MANY(() => ops.push(this.CONSUME(AddOp)));
    const operand = this.SUBRULE(this.postfix);
    return this.ACTION(() =>
      ops.reduceRight<Expr>((inner, op) => ({ kind: "unary", op: op.image === "+" ? "+" : "-", operand: inner, ...over(tokenSpan(op), inner) }), operand),
    );
  });

  postfix = this.RULE("postfix", (): Expr => {
    let result = this.SUBRULE(this.primary);
    this.MANY(() => {
      const percent = this.CONSUME(Percent);
      result = this.ACTION(() => ({ kind: "percent", operand: result, ...over(result, tokenSpan(percent)) }));
    });
    return result;
  });

  primary = this.RULE("primary", (): Expr =>
    this.OR([
      { ALT: () => this.SUBRULE(this.numberOrDuration) },
      { ALT: () => this.SUBRULE(this.call) },
      {
        ALT: () => {
          const token = this.CONSUME(StringLit);
          return this.ACTION((): Expr => ({ kind: "string", value: token.image.slice(1, -1).replaceAll('""', '"'), ...tokenSpan(token) }));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(Identifier);
          return this.ACTION((): Expr => ({ kind: "name", name: token.image, ...tokenSpan(token) }));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(Reference);
          return this.ACTION((): Expr => ({ kind: "ref", name: token.image.slice(1, -1).trim(), ...tokenSpan(token) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(LParen);
          const inner = this.SUBRULE(this.comparison);
          this.CONSUME(RParen);
          return inner;
        },
      },
    ]),
  );

  numberOrDuration = this.RULE("numberOrDuration", (): Expr => {
    const number = this.CONSUME(NumberLit);
    let unit: IToken | undefined;
    this.OPTION({ GATE: () => unitsByWord.has(fold(this.LA(1).image)), DEF: () => (unit = this.CONSUME(Identifier)) });
    return this.ACTION((): Expr => {
      const value = numberValue(number.image);
      if (!unit) return { kind: "number", value, ...tokenSpan(number) };
      return { kind: "duration", value: { amount: value, unit: unitsByWord.get(fold(unit.image))! }, ...over(tokenSpan(number), tokenSpan(unit)) };
    });
  });

  call = this.RULE("call", (): Expr => {
    const name = this.CONSUME(Identifier);
    this.CONSUME2(LParen);
    const args: Expr[] = [];
    this.OPTION(() => {
      args.push(this.SUBRULE(this.comparison));
      this.MANY(() => {
        this.CONSUME(Semicolon);
        args.push(this.SUBRULE2(this.comparison));
      });
    });
    const close = this.CONSUME2(RParen);
    return this.ACTION(() => ({ kind: "call", name: name.image, nameSpan: tokenSpan(name), args, ...over(tokenSpan(name), tokenSpan(close)) }));
  });
}

function binary(op: IToken, left: Expr, right: Expr): Expr {
  return { kind: "binary", op: binaryOps[op.image], left, right, ...over(left, right) };
}

const parser = new FormulaParser();

export function parseFormula(text: string): { ok: true; expr: Expr } | { ok: false; error: FormulaError } {
  if (text.length > maxFormulaLength) {
    return { ok: false, error: { message: "La formule dépasse 2 000 caractères", start: maxFormulaLength, end: text.length } };
  }
  if (text.trim() === "") return { ok: false, error: { message: "La formule est vide", start: 0, end: text.length } };
  const lexed = formulaLexer.tokenize(text);
  if (lexed.errors.length > 0) return { ok: false, error: lexingError(text, lexed.errors[0].offset) };
  const invalid = literalError(lexed.tokens) ?? nestingError(lexed.tokens);
  if (invalid) return { ok: false, error: invalid };
  parser.input = lexed.tokens;
  const expr = parser.formula();
  if (parser.errors.length > 0) return { ok: false, error: parsingError(parser.errors[0], lexed.tokens, text) };
  return { ok: true, expr };
}
