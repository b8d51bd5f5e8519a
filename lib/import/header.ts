import { fieldsFor, IGNORED_HEADERS, type FieldDef, type FieldKey, type ImportKind } from "./fields";
import { headerTokens } from "./header-tokens";
import { isDataCell, valuesFitField, type ValueContext } from "./header-values";
import { cellText } from "./values";

export { normalizeHeader } from "./header-tokens";
export type { ValueContext } from "./header-values";

const HEADER_SCAN_ROWS = 20;
const SAMPLE_ROWS = 50;
const WIDE_ROW = 100;

type Synonym = { field: FieldDef | null; tokens: string[]; sorted: string; rank: number };

const synonymsByKind = new Map<ImportKind, Synonym[]>();

function synonymsFor(kind: ImportKind): Synonym[] {
  let list = synonymsByKind.get(kind);
  if (list) return list;
  const synonyms: Synonym[] = [];
  const add = (field: FieldDef | null, synonym: string, rank: number) => {
    const tokens = headerTokens(synonym);
    if (tokens.length > 0) synonyms.push({ field, tokens, sorted: [...tokens].sort().join(" "), rank });
  };
  for (const field of fieldsFor(kind)) field.synonyms.forEach((s, rank) => add(field, s, rank));
  // A field's own synonym beats the ignore list, so a field added later takes back the columns it names.
  const fieldWords = new Set(synonyms.map((s) => s.sorted));
  for (const ignored of IGNORED_HEADERS[kind]) {
    if (!fieldWords.has([...headerTokens(ignored)].sort().join(" "))) add(null, ignored, 0);
  }
  list = synonyms;
  synonymsByKind.set(kind, list);
  return list;
}

/** exact: the header has the words of a synonym, in any order; probable: it has them among a few others. */
export type MatchConfidence = "exact" | "probable";
export type SuggestedField<F extends string = string> = { field: F; confidence: MatchConfidence };

type Match = { score: number; confidence: MatchConfidence };
type Candidate = Match & { column: number; field: FieldDef };

/**
 * Scores of one header against every synonym: an exact match beats any partial one; a partial match counts
 * the synonym's words found and loses for each extra word of the header, and is dropped when the header has
 * more extra words than matched ones ("Entity Discount Percent" is not the entity).
 * A header that matches an ignored name better than a field is left unmapped.
 */
function candidatesFor(column: number, raw: unknown, synonyms: Synonym[]): Candidate[] {
  const tokens = headerTokens(raw);
  if (tokens.length === 0) return [];
  const sorted = [...tokens].sort().join(" ");
  const present = new Set(tokens);
  const best = new Map<FieldDef | null, Match>();
  for (const synonym of synonyms) {
    let match: Match;
    const extra = tokens.length - synonym.tokens.length;
    if (synonym.sorted === sorted) match = { score: 1000 - synonym.rank, confidence: "exact" };
    else if (extra <= synonym.tokens.length && synonym.tokens.every((t) => present.has(t))) {
      match = { score: 100 * synonym.tokens.length - 10 * extra - synonym.rank / 10, confidence: "probable" };
    } else continue;
    if (match.score > 0 && match.score > (best.get(synonym.field)?.score ?? 0)) best.set(synonym.field, match);
  }
  const ignored = best.get(null)?.score ?? 0;
  const candidates: Candidate[] = [];
  for (const [field, match] of best) {
    if (field !== null && match.score > ignored) candidates.push({ column, field, ...match });
  }
  return candidates;
}

/**
 * Column index → suggested field and how sure the header is, each field and each column used at most once,
 * best matches first. `samples` are the rows under the header: a column whose values cannot be the field's
 * is not suggested for it.
 */
export function suggestMappingWithConfidence<K extends ImportKind>(
  headers: readonly unknown[],
  kind: K,
  samples: readonly (readonly unknown[])[] = [],
  context: ValueContext = {},
): Record<number, SuggestedField<FieldKey<K>>> {
  const synonyms = synonymsFor(kind);
  const rows = samples.slice(0, SAMPLE_ROWS);
  const candidates = headers.flatMap((header, column) => {
    const values = rows.map((row) => row[column]);
    return candidatesFor(column, header, synonyms).filter((c) => valuesFitField(c.field, values, context));
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Record<number, SuggestedField<FieldKey<K>>> = {};
  const usedFields = new Set<string>();
  for (const { column, field, confidence } of candidates) {
    if (column in mapping || usedFields.has(field.key)) continue;
    mapping[column] = { field: field.key as FieldKey<K>, confidence };
    usedFields.add(field.key);
  }
  return mapping;
}

/** Column index → field key; see suggestMappingWithConfidence. */
export function suggestMapping<K extends ImportKind>(
  headers: readonly unknown[],
  kind: K,
  samples: readonly (readonly unknown[])[] = [],
  context: ValueContext = {},
): Record<number, FieldKey<K>> {
  const suggested = suggestMappingWithConfidence(headers, kind, samples, context);
  const mapping: Record<number, FieldKey<K>> = {};
  for (const [column, { field }] of Object.entries(suggested)) mapping[Number(column)] = field;
  return mapping;
}

export type HeaderDetection = { rowIndex: number; matchedFields: number };

/**
 * The header is the row, among the first 20, that names the most distinct fields less one for each cell
 * that looks like a value (number, date, amount, e-mail, code with digits); ties go to the earliest row.
 * rowIndex is -1 when no row names any field. A wide row takes milliseconds: the event loop is given back
 * between rows, so a server analysing a file of a thousand columns still answers.
 */
export async function detectHeaderRow(rows: readonly (readonly unknown[])[], kind: ImportKind): Promise<HeaderDetection> {
  const synonyms = synonymsFor(kind);
  let best: HeaderDetection = { rowIndex: -1, matchedFields: 0 };
  let bestScore = -Infinity;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    if (rows[i].length > WIDE_ROW) await new Promise((resolve) => setImmediate(resolve));
    const fields = new Set<string>();
    let labels = 0;
    let values = 0;
    rows[i].forEach((cell, column) => {
      if (cellText(cell) === null) return;
      if (isDataCell(cell)) values++;
      else labels++;
      let top: Candidate | undefined;
      for (const candidate of candidatesFor(column, cell, synonyms)) {
        if (!top || candidate.score > top.score) top = candidate;
      }
      if (top) fields.add(top.field.key);
    });
    // A data row can name a field by chance ("No" in a yes/no column reads "numéro"); a header is mostly labels.
    if (fields.size === 0 || labels <= values) continue;
    const score = fields.size - values;
    if (score > bestScore) {
      best = { rowIndex: i, matchedFields: fields.size };
      bestScore = score;
    }
  }
  return best;
}

export const NO_HEADER_MESSAGE =
  "Aucune ligne d'en-tête reconnue dans les 20 premières lignes : indiquez la ligne qui contient les noms de colonnes.";
