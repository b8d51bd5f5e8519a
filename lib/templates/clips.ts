/**
 * The clip (merge field) catalogue of email, letter and SMS templates.
 *
 * Syntax: a clip is its key between double braces, `{{client.raison_sociale}}`; spaces inside the braces are
 * allowed (`{{ client.code }}`). Keys are lower-case French words with underscores, `group.field`.
 * Any other `{{…}}` is an unknown clip and the template is refused (see validate.ts).
 * "inline" clips are a single value; "block" clips (the documents tables) are multi-line and may not be
 * used in a subject line.
 */
import type { TemplateChannel } from "./context";

export type ClipGroup =
  | "Client"
  | "Contact"
  | "Société"
  | "Chargé de recouvrement"
  | "Montants"
  | "Pièces"
  | "Dates"
  | "Pénalités";

export type Clip = {
  key: string;
  label: string;
  group: ClipGroup;
  kind: "inline" | "block";
  /** Channels where the clip may be used; all when absent. */
  channels?: readonly TemplateChannel[];
};

export const clips = [
  { key: "client.code", label: "Code client", group: "Client", kind: "inline" },
  { key: "client.raison_sociale", label: "Raison sociale", group: "Client", kind: "inline" },
  { key: "client.adresse", label: "Adresse complète", group: "Client", kind: "inline" },
  { key: "contact.civilite", label: "Civilité", group: "Contact", kind: "inline" },
  { key: "contact.nom", label: "Nom", group: "Contact", kind: "inline" },
  { key: "contact.salutation", label: "Formule d'appel (« Madame, », « Monsieur, » ou « Madame, Monsieur, »)", group: "Contact", kind: "inline" },
  { key: "contact.titre", label: "Titre dans la formule de politesse (« Madame », « Monsieur » ou « Madame, Monsieur »)", group: "Contact", kind: "inline" },
  { key: "societe.nom", label: "Nom de la société", group: "Société", kind: "inline" },
  { key: "societe.adresse", label: "Adresse de la société", group: "Société", kind: "inline" },
  { key: "societe.iban", label: "IBAN", group: "Société", kind: "inline" },
  { key: "societe.signature", label: "Signature", group: "Société", kind: "inline" },
  { key: "gestionnaire.nom", label: "Nom", group: "Chargé de recouvrement", kind: "inline" },
  { key: "gestionnaire.email", label: "E-mail", group: "Chargé de recouvrement", kind: "inline" },
  { key: "gestionnaire.telephone", label: "Téléphone", group: "Chargé de recouvrement", kind: "inline" },
  { key: "gestionnaire.interlocuteur", label: "« votre interlocuteur » ou « votre interlocutrice »", group: "Chargé de recouvrement", kind: "inline" },
  { key: "totaux.encours", label: "Encours du client", group: "Montants", kind: "inline" },
  { key: "totaux.echu", label: "Échu du client", group: "Montants", kind: "inline" },
  { key: "totaux.nombre_pieces", label: "Nombre de pièces concernées", group: "Montants", kind: "inline" },
  { key: "totaux.reste_du", label: "Reste dû sur les pièces concernées", group: "Montants", kind: "inline" },
  {
    key: "pieces.tableau",
    label: "Tableau des pièces (numéro, date, échéance, montant, reste dû, jours de retard)",
    group: "Pièces",
    kind: "block",
  },
  {
    key: "pieces.tableau_penalites",
    label: "Tableau des pénalités et indemnités par facture échue",
    group: "Pièces",
    kind: "block",
    channels: ["email", "letter"],
  },
  { key: "date.aujourdhui", label: "Date du jour", group: "Dates", kind: "inline" },
  {
    key: "penalites.factures",
    label: "Factures échues portant pénalités (« 3 factures »)",
    group: "Pénalités",
    kind: "inline",
  },
  { key: "penalites.taux", label: "Taux annuel des pénalités de retard", group: "Pénalités", kind: "inline" },
  { key: "penalites.total", label: "Total des pénalités de retard", group: "Pénalités", kind: "inline" },
  {
    key: "penalites.indemnite_forfaitaire",
    label: "Indemnité forfaitaire pour frais de recouvrement (40 €)",
    group: "Pénalités",
    kind: "inline",
  },
  {
    key: "penalites.indemnites",
    label: "Total des indemnités forfaitaires (40 € par facture échue)",
    group: "Pénalités",
    kind: "inline",
  },
  {
    key: "penalites.total_avec_indemnites",
    label: "Total des pénalités et indemnités",
    group: "Pénalités",
    kind: "inline",
  },
  {
    key: "penalites.total_a_payer",
    label: "Total à payer : reste dû, pénalités et indemnités",
    group: "Pénalités",
    kind: "inline",
  },
] as const satisfies readonly Clip[];

export type ClipKey = (typeof clips)[number]["key"];

const byKey = new Map<string, Clip>(clips.map((clip) => [clip.key, clip]));

export function findClip(key: string): Clip | undefined {
  return byKey.get(key);
}

/** Matches `{{ key }}`; group 1 is the key without its surrounding spaces. */
export const clipPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** `{{client.code}}`, as shown to a user. */
export function clipToken(key: string): string {
  return `{{${key}}}`;
}
