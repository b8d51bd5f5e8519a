/** French labels of collection actions and promises, as the client history shows them. */
export const actionTypeLabels: Record<string, string> = {
  call: "Appel",
  email: "E-mail",
  letter: "Courrier",
  sms: "SMS",
  task: "Tâche",
  formal_notice: "Mise en demeure",
};

export const actionStatusLabels: Record<string, string> = {
  planned: "À faire",
  to_confirm: "À confirmer",
  scheduled: "Programmée",
  sent: "Envoyée",
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
