import { fieldsFor, IGNORED_HEADERS, type FieldKey, type ImportKind } from "./fields";
import { cellText } from "./values";

const HEADER_SCAN_ROWS = 20;
const DIACRITICS = /[\u0300-\u036f]/g;
const NUMBER_SIGN = /\bn\s*[°º]|[°º#]/g;
const NON_ALPHANUMERIC = /[^a-z0-9]+/;
const STOP_WORDS = new Set(["de", "d", "des", "la", "le", "les", "l", "a", "au", "aux", "en", "of", "the"]);
// Abbreviations found in ERP headers, each mapped to the word the synonyms use.
const ALIASES: Record<string, string> = {
  n: "numero", no: "numero", num: "numero", nr: "numero", nro: "numero", number: "numero", nbr: "numero",
  ref: "reference", tel: "telephone", fact: "facture", ech: "echeance", rglt: "reglement", rgt: "reglement",
  mt: "montant", mnt: "montant", mtt: "montant", cli: "client", soc: "societe", etab: "etablissement",
  mail: "email", courriel: "email",
};

/** Lowercase words without accents, punctuation or filler words; "N°", "No", "Num" all read "numero". */
export function normalizeHeader(raw: unknown): string {
  return headerTokens(raw).join(" ");
}

function headerTokens(raw: unknown): string[] {
  const text = cellText(raw);
  if (text === null) return [];
  const plain = text.toLowerCase().normalize("NFD").replace(DIACRITICS, "").replace("e-mail", "email");
  const tokens: string[] = [];
  for (const word of plain.replace(NUMBER_SIGN, " numero ").split(NON_ALPHANUMERIC)) {
    if (word === "" || STOP_WORDS.has(word)) continue;
    tokens.push(ALIASES[word] ?? word);
  }
  return tokens;
}

type Synonym = { field: string | null; tokens: string[]; sorted: string; rank: number };

const synonymsByKind = new Map<ImportKind, Synonym[]>();

function synonymsFor(kind: ImportKind): Synonym[] {
  let list = synonymsByKind.get(kind);
  if (list) return list;
  list = [];
  const add = (field: string | null, synonym: string, rank: number) => {
    const tokens = headerTokens(synonym);
    if (tokens.length > 0) list!.push({ field, tokens, sorted: [...tokens].sort().join(" "), rank });
  };
  for (const field of fieldsFor(kind)) field.synonyms.forEach((s, rank) => add(field.key, s, rank));
  for (const ignored of IGNORED_HEADERS[kind]) add(null, ignored, 0);
  synonymsByKind.set(kind, list);
  return list;
}

type Candidate = { column: number; field: string; score: number };

/**
 * Scores of one header against every synonym: an exact match (same words in any order) beats any partial
 * one; a partial match counts the synonym's words found and loses for each extra word of the header.
 * A header that matches an ignored name better than a field is left unmapped.
 */
function candidatesFor(column: number, raw: unknown, synonyms: Synonym[]): Candidate[] {
  const tokens = headerTokens(raw);
  if (tokens.length === 0) return [];
  const sorted = [...tokens].sort().join(" ");
  const present = new Set(tokens);
  const best = new Map<string | null, number>();
  for (const synonym of synonyms) {
    let score: number;
    if (synonym.sorted === sorted) score = 1000 - synonym.rank;
    else if (synonym.tokens.every((t) => present.has(t))) {
      score = 100 * synonym.tokens.length - 10 * (tokens.length - synonym.tokens.length) - synonym.rank / 10;
    } else continue;
    if (score > 0 && score > (best.get(synonym.field) ?? 0)) best.set(synonym.field, score);
  }
  const ignored = best.get(null) ?? 0;
  const candidates: Candidate[] = [];
  for (const [field, score] of best) if (field !== null && score > ignored) candidates.push({ column, field, score });
  return candidates;
}

/** Column index → field key, each field and each column used at most once, best matches first. */
export function suggestMapping<K extends ImportKind>(
  headers: readonly unknown[],
  kind: K,
): Record<number, FieldKey<K>> {
  const synonyms = synonymsFor(kind);
  const candidates = headers.flatMap((header, column) => candidatesFor(column, header, synonyms));
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Record<number, FieldKey<K>> = {};
  const usedFields = new Set<string>();
  for (const { column, field } of candidates) {
    if (column in mapping || usedFields.has(field)) continue;
    mapping[column] = field as FieldKey<K>;
    usedFields.add(field);
  }
  return mapping;
}

export type HeaderDetection = { rowIndex: number; matchedFields: number };

/**
 * The header is the row, among the first 20, whose cells best name the most distinct fields; title rows above
 * it match little. rowIndex is -1 when no row names any field.
 */
export function detectHeaderRow(rows: readonly (readonly unknown[])[], kind: ImportKind): HeaderDetection {
  const synonyms = synonymsFor(kind);
  let best: HeaderDetection = { rowIndex: -1, matchedFields: 0 };
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const fields = new Set<string>();
    rows[i].forEach((cell, column) => {
      let top: Candidate | undefined;
      for (const candidate of candidatesFor(column, cell, synonyms)) {
        if (!top || candidate.score > top.score) top = candidate;
      }
      if (top) fields.add(top.field);
    });
    if (fields.size > best.matchedFields) best = { rowIndex: i, matchedFields: fields.size };
  }
  return best;
}

export const NO_HEADER_MESSAGE =
  "Aucune ligne d'en-tête reconnue dans les 20 premières lignes : indiquez la ligne qui contient les noms de colonnes.";
