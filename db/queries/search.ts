import { and, type SQL, sql } from "drizzle-orm";
import { clients } from "../schema";

/** What client search reads: code, raison sociale and SIREN folded, a stored column under a trigram index. */
export const clientSearchText = sql`${clients.searchText}`;

/**
 * Words forgiven a typo: four letters or more (shorter ones have too few trigrams: a typo would match almost
 * anything) and no digit (codes, SIRENs and numbers differ by one digit from their neighbours).
 */
const forgivable = (word: string) => word.length >= 4 && !/\d/.test(word);

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The words of a search, at most five (a pasted sentence must not make a query of fifty conditions). */
export function searchWords(q: string): string[] {
  return q.trim().split(/\s+/).filter(Boolean).slice(0, 5);
}

/**
 * Every word of `q` found in `text`, forgiving case, accents and — for words of four letters or more — a typo
 * (trigram word similarity at the connection's threshold, 0.5), codes and numbers as typed. `text` must already be folded.
 */
export function forgivingMatch(text: SQL, q: string): SQL | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((word) => {
      const contains = sql`${text} like '%' || encaisse_fold(${escapeLike(word)}) || '%'`;
      return forgivable(word) ? sql`(${contains} or encaisse_fold(${word}) <% ${text})` : contains;
    }),
  );
}

/** Clients whose code, raison sociale or SIREN match `q` (see `forgivingMatch`). */
export const clientMatches = (q: string) => forgivingMatch(clientSearchText, q);

/** Ids of the matching clients, as a subquery: read once from the index, not per pièce. */
export const matchingClientIds = (q: string) => sql`(select ${clients.id} from ${clients} where ${clientMatches(q)})`;

/** Best matches first: a code starting with the search, then (when a word may hold a typo) the closest text. */
export function clientRelevance(q: string): SQL[] {
  const codeFirst = sql`${clients.code} ilike ${`${escapeLike(q.trim())}%`} desc`;
  if (!searchWords(q).some(forgivable)) return [codeFirst];
  return [codeFirst, sql`word_similarity(encaisse_fold(${q.trim()}), ${clientSearchText}) desc`];
}

/** Case- and accent-blind comparison of a text with a value, for the filters that compare fields. */
export const foldedEquals = (text: SQL, value: string) => sql`encaisse_fold(${text}) = encaisse_fold(${value})`;
export const foldedContains = (text: SQL, value: string) =>
  sql`encaisse_fold(${text}) like '%' || encaisse_fold(${escapeLike(value)}) || '%'`;
