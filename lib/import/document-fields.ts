import type { FieldDef } from "./fields";

/** Fields of a documents (pièces) file, with the header names ERPs use for each (French first, then English). */
export const DOCUMENT_FIELDS = [
  {
    key: "clientCode", label: "Code client", required: true, type: "code",
    synonyms: [
      "Code client", "N° client", "Client", "Compte", "Compte client", "Compte auxiliaire", "Code tiers", "Tiers",
      "Customer code", "Customer number", "Customer ID", "Customer", "Client ID", "Account", "Account number",
      "Account ID",
    ],
  },
  {
    // Only used to name the clients an import creates (« Créer les clients inconnus »).
    key: "clientName", label: "Nom du client", required: false, type: "text",
    synonyms: [
      "Nom du client", "Nom client", "Raison sociale", "Intitulé client", "Customer name", "Company name",
      "Client name", "Account name",
    ],
  },
  {
    key: "type", label: "Type de pièce", required: false, type: "documentType",
    synonyms: [
      "Type pièce", "Type de pièce", "Type", "Nature", "Nature pièce", "Type document", "Type de document",
      "Document type", "Invoice type", "Transaction type",
    ],
  },
  {
    key: "number", label: "N° de pièce", required: true, type: "code",
    synonyms: [
      "N° facture", "N° pièce", "Numéro", "N°", "Pièce", "Facture", "N° document", "Invoice number", "Invoice",
      "Invoice ID", "Document number", "Document ID", "Number",
    ],
  },
  {
    key: "reference", label: "Référence", required: false, type: "text",
    synonyms: [
      "Référence", "Réf", "Votre référence", "Libellé", "N° commande", "Commande", "Bon de commande", "Reference",
      "PO number", "Description",
    ],
  },
  {
    key: "issueDate", label: "Date de pièce", required: true, type: "date",
    synonyms: [
      "Date facture", "Date pièce", "Date", "Date document", "Date d'émission", "Date de facturation",
      "Date comptable", "Invoice date", "Document date", "Issue date", "Issued date", "Date issued", "Bill date",
    ],
  },
  {
    key: "dueDate", label: "Échéance", required: false, type: "date",
    synonyms: [
      "Échéance", "Date d'échéance", "Date limite de paiement", "Due date", "Payment due date", "Date due", "Due",
    ],
  },
  {
    key: "amount", label: "Montant TTC", required: true, type: "amount",
    synonyms: [
      "Montant TTC", "Montant", "Total TTC", "TTC", "Montant facture", "Montant initial", "Montant pièce",
      "Montant total", "Net à payer", "Amount", "Total", "Invoice amount", "Gross amount", "Total amount",
      "Invoice total", "Original amount",
    ],
  },
  {
    key: "openAmount", label: "Reste dû", required: false, type: "amount",
    synonyms: [
      "Reste dû", "Reste à payer", "Reste à régler", "Restant dû", "Montant restant", "Montant restant dû", "Solde",
      "Solde restant", "Montant ouvert", "Montant non lettré", "Encours", "Open amount", "Balance", "Outstanding",
      "Amount due", "Remaining amount", "Balance due", "Open balance", "Outstanding amount",
    ],
  },
  {
    key: "paidAmount", label: "Montant payé", required: false, type: "amount",
    synonyms: [
      "Payé", "Montant réglé", "Montant payé", "Déjà réglé", "Réglé", "Paid", "Amount paid", "Paid amount",
      "Total paid",
    ],
  },
  {
    key: "debit", label: "Débit", required: false, type: "amount",
    synonyms: ["Débit", "Montant débit", "Debit"],
  },
  {
    key: "credit", label: "Crédit", required: false, type: "amount",
    synonyms: ["Crédit", "Montant crédit", "Credit"],
  },
  {
    key: "currency", label: "Devise", required: false, type: "currency",
    synonyms: ["Devise", "Code devise", "Monnaie", "Currency", "Currency code"],
  },
  {
    key: "settledDate", label: "Date de règlement", required: false, type: "date",
    synonyms: [
      "Date de règlement", "Date de paiement", "Date lettrage", "Date d'encaissement", "Payment date", "Paid date",
      "Settlement date", "Settled date", "Date settled", "Date paid",
    ],
  },
  {
    key: "status", label: "Statut", required: false, type: "documentStatus",
    synonyms: ["Statut", "État", "Statut facture", "Statut de la pièce", "Status", "Invoice status", "Payment status"],
  },
  {
    key: "disputed", label: "Litige", required: false, type: "flag",
    synonyms: ["Litige", "En litige", "Disputed", "Dispute", "In dispute"],
  },
  {
    key: "disputeReason", label: "Motif du litige", required: false, type: "text",
    synonyms: ["Motif du litige", "Motif litige", "Motif de litige", "Raison du litige", "Dispute reason", "Dispute note"],
  },
  {
    key: "entityCode", label: "Société", required: false, type: "code",
    synonyms: [
      "Société", "Code société", "Établissement", "Code établissement", "Entité", "Dossier", "Entity", "Company code",
      "Entity code",
    ],
  },
] as const satisfies readonly FieldDef[];
