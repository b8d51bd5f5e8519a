import type { Queryable } from "@/db/client";
import { calculatedColumns } from "@/db/schema";

/** The calculated columns the demo starts with: the examples a credit manager asks for first. */
export const demoCalculatedColumns = [
  {
    name: "Taux d'échu 90 j glissants",
    type: "percent",
    formula: "MOYENNE(échu; 90 j) / MOYENNE(encours; 90 j)",
    description: "Part moyenne de l'encours qui était échue sur les 90 derniers jours, d'après les photographies quotidiennes.",
  },
  {
    name: "Encours moyen 6 mois",
    type: "amount",
    formula: "MOYENNE(encours; 6 mois)",
    description: "Encours moyen du client sur les six derniers mois.",
  },
  {
    name: "DSO 90 j",
    type: "days",
    formula: "DSO(90 j)",
    description: "Délai moyen d'encaissement : encours divisé par les ventes des 90 derniers jours, multiplié par 90.",
  },
] as const;

export async function seedDemoCalculatedColumns(tx: Queryable): Promise<void> {
  await tx.insert(calculatedColumns).values(demoCalculatedColumns.map((c) => ({ ...c })));
}
