import type { FieldDef } from "./fields";

/**
 * Fields of a payments (règlements) file: the cash a customer paid, with the invoice it names when it names one.
 * Header names ERPs and banks use for each, French first, then English.
 */
export const PAYMENT_FIELDS = [
  {
    key: "clientCode", label: "Code client", required: true, type: "code",
    synonyms: [
      "Code client", "N° client", "Client", "Compte", "Compte client", "Compte auxiliaire", "Code tiers", "Tiers",
      "Customer code", "Customer number", "Customer ID", "Customer", "Client ID", "Account", "Account number",
      "Account ID",
    ],
  },
  {
    key: "invoiceNumber", label: "N° de facture", required: false, type: "code",
    synonyms: [
      "N° facture", "Facture", "Facture réglée", "Pièce réglée", "Invoice number", "Invoice", "Invoice ID",
      "Applied invoice", "Document number",
    ],
  },
  {
    key: "paymentDate", label: "Date de règlement", required: true, type: "date",
    synonyms: [
      "Date de règlement", "Date de paiement", "Date d'encaissement", "Date de valeur", "Date opération", "Date",
      "Payment date", "Date paid", "Paid date", "Receipt date", "Deposit date", "Transaction date", "Value date",
    ],
  },
  {
    key: "amount", label: "Montant réglé", required: true, type: "amount",
    synonyms: [
      "Montant réglé", "Montant", "Montant payé", "Montant encaissé", "Montant du règlement", "Montant règlement",
      "Montant paiement", "Amount paid", "Amount", "Payment amount", "Paid amount", "Amount received",
      "Receipt amount",
    ],
  },
  {
    key: "reference", label: "Référence", required: false, type: "text",
    synonyms: [
      "Référence", "Réf", "Référence règlement", "Référence paiement", "Référence virement", "N° chèque",
      "N° remise", "Libellé", "Reference", "Payment reference", "Check number", "Cheque number",
      "Transaction ID", "Memo", "Description",
    ],
  },
  {
    key: "entityCode", label: "Société", required: false, type: "code",
    synonyms: [
      "Société", "Code société", "Établissement", "Code établissement", "Entité", "Dossier", "Entity", "Company code",
      "Entity code",
    ],
  },
] as const satisfies readonly FieldDef[];
