/** What each import kind can read; the fields themselves are in client-, document- and payment-fields.ts. */
import { CLIENT_FIELDS } from "./client-fields";
import { customFieldDef, isCustomFieldKey } from "./custom-fields";
import { DOCUMENT_FIELDS } from "./document-fields";
import { PAYMENT_FIELDS } from "./payment-fields";

export { CLIENT_FIELDS, DOCUMENT_FIELDS, PAYMENT_FIELDS };

export type ImportKind = "clients" | "documents" | "payments";

export type ValueType =
  | "code"
  | "text"
  | "amount"
  | "date"
  | "integer"
  | "days"
  | "siren"
  | "siret"
  | "email"
  | "documentType"
  | "documentStatus"
  | "flag"
  | "currency"
  | "postalCode"
  | "country"
  | "civility"
  | "custom";

export type FieldDef = {
  key: string;
  label: string;
  required: boolean;
  type: ValueType;
  synonyms: readonly string[];
};

export type ClientFieldKey = (typeof CLIENT_FIELDS)[number]["key"];
export type DocumentFieldKey = (typeof DOCUMENT_FIELDS)[number]["key"];
export type PaymentFieldKey = (typeof PAYMENT_FIELDS)[number]["key"];
export type FieldKey<K extends ImportKind> = K extends "clients"
  ? ClientFieldKey
  : K extends "payments"
    ? PaymentFieldKey
    : DocumentFieldKey;

/**
 * Headers that look like a field but are not it (an amount excluding VAT is not the amount due, a customer's
 * name is not its code in a documents file). A field's own synonym wins over this list.
 */
export const IGNORED_HEADERS: Record<ImportKind, readonly string[]> = {
  clients: [
    "Encours", "Solde", "Encours actuel", "Mode de règlement", "Mode de paiement", "Adresse 2", "Adresse ligne 2",
    "Date de création", "Code APE", "Code NAF", "Devise", "Code devise", "Balance", "Outstanding", "Amount due",
    "Payment method", "Address 2", "Address line 2", "Created date", "Creation date", "Currency", "Currency code",
    "Discount", "Entity Discount Percent", "Paperless bill", "Paperless date",
  ],
  documents: [
    "Montant HT", "Total HT", "HT", "Montant TVA", "TVA", "Nom", "Date de création",
    "Date de saisie", "Date de modification", "Mode de règlement", "Mode de paiement", "Code journal", "Journal",
    "Pays", "Code pays", "Montant en litige", "Remise", "Taux de remise", "Name", "Country", "Country code",
    "Net amount", "Amount excl VAT", "VAT amount", "Tax amount", "VAT", "Tax", "Disputed amount", "Discount", "Discount amount", "Entity Discount Percent", "Paperless bill", "Paperless date",
    "Days to settle", "Days late", "Days overdue", "Created date", "Creation date", "Modified date",
    "Payment method", "Payment terms",
  ],
  // The invoice a payment names is described by its number only: its dates and amounts are not the payment's.
  payments: [
    "Date facture", "Date pièce", "Échéance", "Date d'échéance", "Montant facture", "Montant TTC", "Montant HT",
    "Montant pièce", "Reste dû", "Solde", "Raison sociale", "Nom client", "Nom", "Mode de règlement",
    "Mode de paiement", "Devise", "Journal", "Code journal", "Invoice date", "Due date", "Invoice amount",
    "Open amount", "Balance", "Amount due", "Customer name", "Client name", "Name", "Payment method", "Currency",
  ],
};

export function fieldsFor(kind: ImportKind): readonly FieldDef[] {
  return kind === "clients" ? CLIENT_FIELDS : kind === "payments" ? PAYMENT_FIELDS : DOCUMENT_FIELDS;
}

/** The field a mapping key names: a standard field, or for clients a custom field (`custom:<name>`). */
export function fieldForKey(kind: ImportKind, key: string): FieldDef | undefined {
  if (kind === "clients" && isCustomFieldKey(key)) return customFieldDef(key);
  return fieldsFor(kind).find((f) => f.key === key);
}

/** Documents need an amount, given directly or as debit and credit columns. */
export function requiredFieldsMissing(kind: ImportKind, mappedKeys: ReadonlySet<string>): FieldDef[] {
  const amountByColumns = kind === "documents" && (mappedKeys.has("debit") || mappedKeys.has("credit"));
  return fieldsFor(kind).filter(
    (f) => f.required && !mappedKeys.has(f.key) && !(f.key === "amount" && amountByColumns),
  );
}
