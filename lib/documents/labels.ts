export const documentTypeLabels: Record<string, string> = {
  invoice: "Facture",
  credit_note: "Avoir",
  payment: "Règlement",
  other: "Autre",
};
