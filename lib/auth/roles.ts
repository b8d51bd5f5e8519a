export const roles = ["admin", "supervisor", "collector", "sales", "manager"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Administrateur",
  supervisor: "Superviseur",
  collector: "Chargé de recouvrement",
  sales: "Commercial",
  manager: "Directeur",
};
