import { cellText } from "./values";

/** How a header cell is cut into comparable words, shared by mapping suggestions and saved profiles. */

const DIACRITICS = /[\u0300-\u036f]/g;
// invoiceNumber, customerID, MontantTTC; an acronym before a word (SIRENClient) ends one letter early.
const CAMEL_CASE = /(\p{Ll}|\d)(\p{Lu})/gu;
const ACRONYM_THEN_WORD = /(\p{Lu})(\p{Lu}\p{Ll})/gu;
const EMAIL = /\be[\s-]?mail/g;
const NUMBER_SIGN = /\bn\s*[°º]|[°º#]/g;
const NON_ALPHANUMERIC = /[^a-z0-9]+/;
const STOP_WORDS = new Set(["de", "d", "des", "la", "le", "les", "l", "a", "au", "aux", "en", "of", "the"]);
// Abbreviations found in ERP headers, each mapped to the word the synonyms use.
const ALIASES: Record<string, string> = {
  n: "numero", no: "numero", num: "numero", nr: "numero", nro: "numero", number: "numero", nbr: "numero",
  ref: "reference", tel: "telephone", fact: "facture", ech: "echeance", rglt: "reglement", rgt: "reglement",
  mt: "montant", mnt: "montant", mtt: "montant", cli: "client", soc: "societe", etab: "etablissement",
  mail: "email", courriel: "email",
  inv: "invoice", cust: "customer", acct: "account", amt: "amount", ccy: "currency", curr: "currency",
};

/** Lowercase words without accents, punctuation or filler words; "N°", "No", "Num" all read "numero". */
export function normalizeHeader(raw: unknown): string {
  return headerTokens(raw).join(" ");
}

export function headerTokens(raw: unknown): string[] {
  const text = cellText(raw);
  if (text === null) return [];
  const words = text.replace(CAMEL_CASE, "$1 $2").replace(ACRONYM_THEN_WORD, "$1 $2");
  const plain = words.toLowerCase().normalize("NFD").replace(DIACRITICS, "").replace(EMAIL, "email");
  const tokens: string[] = [];
  for (const word of plain.replace(NUMBER_SIGN, " numero ").split(NON_ALPHANUMERIC)) {
    if (word === "" || STOP_WORDS.has(word)) continue;
    tokens.push(ALIASES[word] ?? word);
  }
  return tokens;
}
