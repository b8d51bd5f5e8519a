/**
 * The états of « Relances automatiques », as filters: three by status, and « à venir » by date (whatever is
 * planned after today, confirmed or not).
 */
export const automaticStates = ["a_confirmer", "confirmee", "erreur", "a_venir"] as const;

export type AutomaticState = (typeof automaticStates)[number];

export const automaticStateLabels: Record<AutomaticState, string> = {
  a_confirmer: "À confirmer",
  confirmee: "Confirmée",
  erreur: "En erreur",
  a_venir: "À venir",
};
