import type { Role } from "@/lib/auth/roles";

export const demoPassword = "Encaisse2026!";

export const demoEntities = [
  { code: "DIST", name: "Bati-Pro Distribution" },
  { code: "SERV", name: "Bati-Pro Services" },
] as const;

/** The demo team; `entities: ["DIST"]` limits a user to one société, otherwise they belong to both. */
export const demoUsers: { email: string; name: string; civility: "Madame" | "Monsieur"; role: Role; phone: string; entities?: string[] }[] = [
  { email: "admin@encaisse.demo", name: "Claire Martin", civility: "Madame", role: "admin", phone: "01 84 60 10 01" },
  { email: "superviseur@encaisse.demo", name: "Julien Bernard", civility: "Monsieur", role: "supervisor", phone: "01 84 60 10 02" },
  { email: "recouvrement1@encaisse.demo", name: "Sophie Durand", civility: "Madame", role: "collector", phone: "01 84 60 10 11" },
  { email: "recouvrement2@encaisse.demo", name: "Thomas Petit", civility: "Monsieur", role: "collector", phone: "01 84 60 10 12" },
  { email: "recouvrement3@encaisse.demo", name: "Amélie Roux", civility: "Madame", role: "collector", phone: "01 84 60 10 13" },
  { email: "commercial@encaisse.demo", name: "Nicolas Moreau", civility: "Monsieur", role: "sales", phone: "06 12 34 56 01" },
  { email: "commercial2@encaisse.demo", name: "Laura Fontaine", civility: "Madame", role: "sales", phone: "06 12 34 56 02" },
  { email: "direction@encaisse.demo", name: "Isabelle Lefèvre", civility: "Madame", role: "manager", phone: "01 84 60 10 00", entities: ["DIST"] },
];

/** Share of the portfolio of each collector (the third one is part-time). */
export const collectorShares = [0.4, 0.4, 0.2];
