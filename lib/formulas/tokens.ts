/** The words of the formula language, for the chevrotain lexer and parser. */
import { createToken, Lexer, type CustomPatternMatcherFunc } from "chevrotain";

// Identifiers take any Unicode letter (`pièces.ouvert`, `échu`), which plain token regexps cannot say to chevrotain.
const identifier = /[\p{L}_][\p{L}\p{M}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{M}\p{N}_]*)?/uy;
const matchIdentifier: CustomPatternMatcherFunc = (text, offset) => {
  identifier.lastIndex = offset;
  return identifier.exec(text);
};

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });
export const NumberLit = createToken({ name: "NumberLit", pattern: /\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?/ });
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"]|"")*"/ });
export const Reference = createToken({ name: "Reference", pattern: /\[[^[\]]*\]/ });
export const Identifier = createToken({ name: "Identifier", pattern: matchIdentifier, line_breaks: false });

export const Comparison = createToken({ name: "Comparison", pattern: Lexer.NA });
export const AddOp = createToken({ name: "AddOp", pattern: Lexer.NA });
export const MulOp = createToken({ name: "MulOp", pattern: Lexer.NA });

const comparisons = [
  createToken({ name: "NotEqual", pattern: /<>|≠/, categories: Comparison }),
  createToken({ name: "LessEqual", pattern: /<=|≤/, categories: Comparison }),
  createToken({ name: "GreaterEqual", pattern: />=|≥/, categories: Comparison }),
  createToken({ name: "Equal", pattern: /=/, categories: Comparison }),
  createToken({ name: "Less", pattern: /</, categories: Comparison }),
  createToken({ name: "Greater", pattern: />/, categories: Comparison }),
];
const additions = [createToken({ name: "Plus", pattern: /\+/, categories: AddOp }), createToken({ name: "Minus", pattern: /[-−]/, categories: AddOp })];
const multiplications = [createToken({ name: "Times", pattern: /[*×]/, categories: MulOp }), createToken({ name: "Divide", pattern: /\//, categories: MulOp })];

export const Percent = createToken({ name: "Percent", pattern: /%/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/ });

export const allTokens = [
  WhiteSpace, NumberLit, StringLit, Reference, Identifier,
  Comparison, AddOp, MulOp, ...comparisons, ...additions, ...multiplications,
  Percent, LParen, RParen, Semicolon,
];

export const formulaLexer = new Lexer(allTokens, { positionTracking: "onlyOffset", recoveryEnabled: false, ensureOptimizations: false });

/** Decimal comma or dot: `0,5` and `0.5`. */
export function numberValue(image: string): number {
  return Number(image.replace(",", "."));
}
