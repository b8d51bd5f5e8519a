/** French labels of collection actions and promises, as the client history shows them. */
export const actionTypeLabels: Record<string, string> = {
  call: "Appel",
  email: "E-mail",
  letter: "Courrier",
  sms: "SMS",
  task: "Tâche",
  formal_notice: "Mise en demeure",
};

/** "3 appels", "1 mise en demeure": the count followed by the type, lower case, agreed in number. */
export const actionTypeCountLabels: Record<string, [one: string, many: string]> = {
  call: ["appel", "appels"],
  email: ["e-mail", "e-mails"],
  letter: ["courrier", "courriers"],
  sms: ["SMS", "SMS"],
  task: ["tâche", "tâches"],
  formal_notice: ["mise en demeure", "mises en demeure"],
};

export const actionStatusLabels: Record<string, string> = {
  planned: "À faire",
  to_confirm: "À confirmer",
  scheduled: "Programmée",
  sent: "Envoyée",
  /** Shown for a send recorded only in the outbox (no provider configured): not an « Envoyée ». */
  simulated: "Simulé (non envoyé)",
  done: "Faite",
  error: "En erreur",
  cancelled: "Annulée",
};

export const promiseStatusLabels: Record<string, string> = {
  pending: "En attente",
  kept: "Tenue",
  broken: "Non tenue",
  cancelled: "Annulée",
};

/** Results a collector logs when working a manual action; "promise" and "dispute" also record what was agreed. */
export const actionOutcomes = ["reached", "not_reached", "voicemail", "promise", "dispute", "already_paid"] as const;
export type ActionOutcome = (typeof actionOutcomes)[number];

export const actionOutcomeLabels: Record<ActionOutcome, string> = {
  reached: "Joint",
  not_reached: "Non joint",
  voicemail: "Message laissé",
  promise: "Promesse de règlement",
  dispute: "Litige",
  already_paid: "Déjà payé",
};
