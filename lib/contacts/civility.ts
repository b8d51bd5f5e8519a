/**
 * Civilité of a contact or a user, as typed in a form, an ERP export or an older record, reduced to the two values
 * French business letters address: « Madame » or « Monsieur ». Anything else (a title, a couple, a blank) is unknown.
 */

export type Civility = "Madame" | "Monsieur";

export const civilities = ["Madame", "Monsieur"] as const satisfies readonly Civility[];

// Compared without case, accents, dots or spaces: « M. », « Mr », « MME », « Mademoiselle », a gender column.
const forms: Record<string, Civility> = {
  madame: "Madame",
  mme: "Madame",
  mademoiselle: "Madame",
  mlle: "Madame",
  mrs: "Madame",
  ms: "Madame",
  miss: "Madame",
  f: "Madame",
  femme: "Madame",
  female: "Madame",
  monsieur: "Monsieur",
  m: "Monsieur",
  mr: "Monsieur",
  mister: "Monsieur",
  h: "Monsieur",
  homme: "Monsieur",
  male: "Monsieur",
};

export function normaliseCivility(value: string | null | undefined): Civility | null {
  const key = (value ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s.]+/g, "");
  return forms[key] ?? null;
}

/** The salutation that opens a letter: « Madame, », « Monsieur, », « Madame, Monsieur, » when unknown. */
export function salutation(civility: string | null | undefined): string {
  return `${courtesyTitle(civility)},`;
}

/** The title repeated in the closing formula: « Veuillez agréer, Madame, … ». */
export function courtesyTitle(civility: string | null | undefined): string {
  return normaliseCivility(civility) ?? "Madame, Monsieur";
}

/** « votre interlocutrice » for a woman, « votre interlocuteur » otherwise (the generic masculine when unknown). */
export function interlocutor(civility: string | null | undefined): string {
  return normaliseCivility(civility) === "Madame" ? "votre interlocutrice" : "votre interlocuteur";
}

/** « Mme », « M. » before a name (« À l'attention de Mme Martin »); empty when unknown. */
export function shortCivility(civility: string | null | undefined): string {
  const full = normaliseCivility(civility);
  return full === "Madame" ? "Mme" : full === "Monsieur" ? "M." : "";
}
