/** French labels of a dispute case's status, category and outcome, in the order the forms offer them. */
export const disputeStatusLabels = {
  open: "Ouvert",
  in_progress: "En cours",
  waiting_customer: "En attente client",
  resolved: "Résolu",
  closed: "Clos",
} as const;

export const disputeCategoryLabels = {
  prix: "Prix",
  quantite: "Quantité",
  qualite: "Qualité",
  livraison: "Livraison",
  facturation: "Facturation",
  autre: "Autre",
} as const;

export const disputeOutcomeLabels = {
  avoir_emis: "Avoir émis",
  facture_maintenue: "Facture maintenue",
  partiel: "Partiel",
} as const;

export type DisputeStatus = keyof typeof disputeStatusLabels;
export type DisputeCategory = keyof typeof disputeCategoryLabels;
export type DisputeOutcome = keyof typeof disputeOutcomeLabels;

export const disputeStatuses = Object.keys(disputeStatusLabels) as DisputeStatus[];
export const disputeCategories = Object.keys(disputeCategoryLabels) as DisputeCategory[];
export const disputeOutcomes = Object.keys(disputeOutcomeLabels) as DisputeOutcome[];

/** Whether a case in this status is still worked, its pièces kept out of reminders. */
export const isActiveDisputeStatus = (status: DisputeStatus) => status === "open" || status === "in_progress" || status === "waiting_customer";
