/**
 * French messages for what the lexer and parser refuse. Chevrotain's own messages are English and never shown:
 * its exceptions are read for their kind and token, and the message is written here.
 */
import { tokenMatcher, type IRecognitionException, type IToken } from "chevrotain";
import type { FormulaError } from "./ast";
import { Comparison, Identifier, LParen, NumberLit, numberValue, Reference, RParen, Semicolon, StringLit } from "./tokens";

const maxNumber = 1e12;
const maxStringLength = 200;
const maxNesting = 32;
const quoteLookalikes = "'‘’“”«»";

export function lexingError(text: string, offset: number): FormulaError {
  const character = String.fromCodePoint(text.codePointAt(offset)!);
  if (character === '"') return { message: "Guillemet fermant manquant", start: offset, end: text.length };
  if (character === "[") return { message: "Crochet fermant manquant", start: offset, end: text.length };
  const hint = quoteLookalikes.includes(character) ? '. Les textes s\'écrivent entre guillemets droits : "texte"' : "";
  return { message: `Caractère inattendu : « ${character} »${hint}`, start: offset, end: offset + character.length };
}

const span = (token: IToken) => ({ start: token.startOffset, end: token.startOffset + token.image.length });

export function literalError(tokens: IToken[]): FormulaError | undefined {
  for (const token of tokens) {
    if (tokenMatcher(token, NumberLit)) {
      const value = numberValue(token.image);
      if (!Number.isFinite(value) || Math.abs(value) > maxNumber) {
        return { message: `Nombre trop grand : « ${token.image} » (1 000 000 000 000 au plus)`, ...span(token) };
      }
    }
    if (tokenMatcher(token, StringLit) && token.image.length - 2 > maxStringLength) {
      return { message: "Texte trop long (200 caractères au plus)", ...span(token) };
    }
    if (tokenMatcher(token, Reference) && token.image.slice(1, -1).trim() === "") {
      return { message: "Nom de colonne manquant entre les crochets", ...span(token) };
    }
  }
  return undefined;
}

/** Deep nesting would only exhaust the parser's stack; no real formula needs it. */
export function nestingError(tokens: IToken[]): FormulaError | undefined {
  let depth = 0;
  for (const token of tokens) {
    if (tokenMatcher(token, LParen)) depth++;
    if (tokenMatcher(token, RParen)) depth--;
    if (depth > maxNesting) return { message: `Trop de parenthèses imbriquées (${maxNesting} au plus)`, ...span(token) };
  }
  return undefined;
}

function unclosedParen(tokens: IToken[], before: number): IToken | undefined {
  const open: IToken[] = [];
  for (const token of tokens.slice(0, before)) {
    if (tokenMatcher(token, LParen)) open.push(token);
    if (tokenMatcher(token, RParen)) open.pop();
  }
  return open.at(-1);
}

const startsValue = (token: IToken) =>
  [NumberLit, StringLit, Identifier, Reference, LParen].some((type) => tokenMatcher(token, type));

export function parsingError(error: IRecognitionException, tokens: IToken[], text: string): FormulaError {
  const index = tokens.indexOf(error.token);
  const valueExpected = error.name === "NoViableAltException" || error.name === "EarlyExitException";
  if (index < 0) {
    const previous = tokens.at(-1)!;
    const open = unclosedParen(tokens, tokens.length);
    if (!valueExpected && open) return { message: "Parenthèse fermante manquante", ...span(open) };
    return { message: `Formule incomplète après « ${previous.image} »`, start: text.length, end: text.length };
  }
  const token = tokens[index];
  const at = span(token);
  const quoted = `« ${token.image} »`;
  if (valueExpected) {
    if (tokenMatcher(token, Semicolon) || tokenMatcher(token, RParen)) return { message: `Valeur manquante avant ${quoted}`, ...at };
    return { message: `${quoted} inattendu : une valeur est attendue`, ...at };
  }
  if (tokenMatcher(token, Comparison)) {
    return { message: "Comparaisons enchaînées : écrivez ET(a < b; b < c) ou ajoutez des parenthèses", ...at };
  }
  if (tokenMatcher(token, RParen)) return { message: "Parenthèse fermante en trop", ...at };
  if (tokenMatcher(token, Semicolon)) {
    if (error.name === "MismatchedTokenException") return { message: `Valeur manquante avant ${quoted}`, ...at };
    return { message: "« ; » inattendu : il ne sépare que les arguments d'une fonction", ...at };
  }
  if (startsValue(token)) {
    const open = unclosedParen(tokens, index);
    const inCall = open && tokenMatcher(tokens[tokens.indexOf(open) - 1] ?? open, Identifier);
    if (inCall) return { message: `Séparateur « ; » manquant avant ${quoted}`, ...at };
    return { message: `Opérateur manquant avant ${quoted}`, ...at };
  }
  return { message: `${quoted} inattendu`, ...at };
}
