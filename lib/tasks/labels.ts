/** French names of task kinds and outcomes, shared by the dialogs, the lists and the server's validation. */
export const taskKinds = ["appeler", "relancer", "negocier_echeancier", "obtenir_justificatif", "autre"] as const;
export type TaskKind = (typeof taskKinds)[number];

export const taskKindLabels: Record<TaskKind, string> = {
  appeler: "Appeler le client",
  relancer: "Relancer le client",
  negocier_echeancier: "Négocier un échéancier",
  obtenir_justificatif: "Obtenir un justificatif",
  autre: "Autre",
};

export const taskOutcomes = ["fait", "impossible", "reporte", "sans_suite"] as const;
export type TaskOutcome = (typeof taskOutcomes)[number];

export const taskOutcomeLabels: Record<TaskOutcome, string> = {
  fait: "Fait",
  impossible: "Impossible",
  reporte: "Reporté",
  sans_suite: "Sans suite",
};
