/** A contact's role at the client; the first three are the ones the demo data and scenario steps use. */
export const contactRoles = ["facturation", "comptabilité", "direction", "achats", "autre"] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactRoleLabels: Record<string, string> = {
  facturation: "Facturation",
  comptabilité: "Comptabilité",
  direction: "Direction",
  achats: "Achats",
  autre: "Autre",
};

export const channelLabels = { email: "e-mail", letter: "courrier", sms: "SMS" } as const;
