export const documentTypeLabels: Record<string, string> = {
  invoice: "Facture",
  credit_note: "Avoir",
  payment: "Règlement",
  opening_balance: "À-nouveau",
  other: "Autre",
};
