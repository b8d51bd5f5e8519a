/**
 * What a formula may name: the client's fields, the fields of its pièces, the snapshot figures and the functions,
 * with the French names users type (matched ignoring case and accents) and the help the editor shows.
 */
import type { ValueType } from "./ast";

type Field = { name: string; type: ValueType; help: string };

export const clientFields = {
  outstanding: { name: "encours", type: "number", help: "Encours du client (montant ouvert de ses pièces)" },
  overdue: { name: "échu", type: "number", help: "Montant échu" },
  notDue: { name: "non_échu", type: "number", help: "Montant non échu" },
  creditLimit: { name: "limite_crédit", type: "number", help: "Limite de crédit (vide si non renseignée)" },
  paymentTermsDays: { name: "délai_paiement", type: "number", help: "Délai de paiement en jours" },
  code: { name: "code", type: "text", help: "Code client" },
  name: { name: "raison_sociale", type: "text", help: "Raison sociale" },
  siren: { name: "siren", type: "text", help: "SIREN" },
  city: { name: "ville", type: "text", help: "Ville" },
  department: { name: "département", type: "text", help: "Département" },
  region: { name: "région", type: "text", help: "Région" },
  country: { name: "pays", type: "text", help: "Pays" },
  scoreGrade: { name: "score", type: "text", help: "Score de A à E (vide si non calculé)" },
  scorePLate: { name: "probabilité_retard", type: "number", help: "Probabilité de retard, de 0 à 1" },
  hasOpenDispute: { name: "litige", type: "boolean", help: "Une pièce ouverte est en litige" },
  paused: { name: "en_pause", type: "boolean", help: "Relances suspendues à la date du jour" },
} as const satisfies Record<string, Field>;
export type ClientFieldKey = keyof typeof clientFields;

/** Fields of one pièce, written `pièces.ouvert` (or bare inside the condition of an aggregate). */
export const documentFields = {
  amount: { name: "montant", type: "number", help: "Montant TTC de la pièce" },
  openAmount: { name: "ouvert", type: "number", help: "Montant restant ouvert (0 si soldée)" },
  daysLate: { name: "retard", type: "number", help: "Jours de retard à la date du jour (vide si soldée)" },
  age: { name: "âge", type: "number", help: "Jours depuis l'émission" },
  daysToPay: { name: "délai_règlement", type: "number", help: "Jours entre émission et règlement (vide si ouverte)" },
  paidLate: { name: "retard_règlement", type: "number", help: "Jours entre échéance et règlement (vide si ouverte)" },
  type: { name: "type", type: "text", help: "« facture », « avoir », « paiement », « à-nouveau » ou « autre »" },
  currency: { name: "devise", type: "text", help: "Code devise (EUR…)" },
  overdue: { name: "échue", type: "boolean", help: "Ouverte et échéance dépassée" },
  open: { name: "ouverte", type: "boolean", help: "Non soldée" },
  settled: { name: "réglée", type: "boolean", help: "Soldée" },
  disputed: { name: "litige", type: "boolean", help: "Ouverte et en litige" },
} as const satisfies Record<string, Field>;
export type DocumentFieldKey = keyof typeof documentFields;

/** The figures of the daily snapshots a window aggregate can read (MOYENNE(encours; 6 mois)). */
export const snapshotFields = {
  outstanding: "encours",
  overdue: "échu",
  notDue: "non_échu",
} as const satisfies Partial<Record<ClientFieldKey, string>>;
export type SnapshotFieldKey = keyof typeof snapshotFields;

/** The documents' `type` values as users write them. */
export const documentTypeNames = {
  invoice: "facture",
  credit_note: "avoir",
  payment: "paiement",
  opening_balance: "à-nouveau",
  other: "autre",
} as const;

export const durationUnits = {
  day: ["j", "jour", "jours"],
  week: ["sem", "semaine", "semaines"],
  month: ["mois"],
  year: ["an", "ans"],
} as const;

/** The functions, by the name users type; `usage` and `help` feed the editor's reference. */
export const functions = {
  SOMME: { usage: "SOMME(pièces.ouvert; condition; 12 mois)", help: "Somme d'un champ des pièces, avec condition et fenêtre d'émission facultatives" },
  NB: { usage: "NB(pièces; échue)", help: "Nombre de pièces, avec condition et fenêtre facultatives" },
  MOYENNE: {
    usage: "MOYENNE(pièces.retard; échue) ou MOYENNE(encours; 6 mois)",
    help: "Moyenne d'un champ des pièces, ou d'encours / échu / non_échu sur les photographies quotidiennes de la période",
  },
  MIN: { usage: "MIN(a; b; …) ou MIN(encours; 12 mois)", help: "Plus petite valeur (nombres, champ des pièces ou photographies)" },
  MAX: { usage: "MAX(a; b; …) ou MAX(pièces.retard; ouverte)", help: "Plus grande valeur (nombres, champ des pièces ou photographies)" },
  DSO: { usage: "DSO(90 j)", help: "Encours ÷ ventes de la période × jours de la période" },
  DBT: { usage: "DBT() ou DBT(90 j)", help: "Retard moyen pondéré des factures échues, aujourd'hui ou en moyenne sur la période" },
  CEI: { usage: "CEI(3 mois)", help: "(encours d'ouverture + ventes − encours) ÷ (encours d'ouverture + ventes − non échu), sur la période" },
  VENTES: { usage: "VENTES(12 mois)", help: "Factures moins avoirs émis sur la période (TTC)" },
  SI: { usage: "SI(condition; valeur_si_vrai; valeur_si_faux)", help: "Valeur selon une condition" },
  ET: { usage: "ET(condition1; condition2; …)", help: "Vrai si toutes les conditions le sont" },
  OU: { usage: "OU(condition1; condition2; …)", help: "Vrai si l'une des conditions l'est" },
  NON: { usage: "NON(condition)", help: "Le contraire d'une condition" },
  ARRONDI: { usage: "ARRONDI(nombre; décimales)", help: "Arrondi au nombre de décimales (0 par défaut)" },
  ABS: { usage: "ABS(nombre)", help: "Valeur absolue" },
  ESTVIDE: { usage: "ESTVIDE(valeur)", help: "Vrai si la valeur est vide" },
  CNUM: { usage: "CNUM([Champ importé])", help: "Le nombre écrit dans un texte (vide s'il n'en est pas un)" },
} as const;
export type FunctionName = keyof typeof functions;
