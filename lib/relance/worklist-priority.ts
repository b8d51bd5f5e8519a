/**
 * The worklist priority: a sum of points, one part per factor, each part its weight times the factor's value.
 * A factor is one entry here and one SQL expression in db/queries/worklist.ts.
 */
import { z } from "zod";

export const priorityFactors = [
  { key: "amount", label: "Montant en jeu", unit: "par tranche de 1 000 € restant dus sur les pièces de l'action" },
  { key: "daysLate", label: "Retard", unit: "par jour de retard de la plus ancienne pièce couverte" },
  { key: "brokenPromises", label: "Promesses non tenues", unit: "par promesse non tenue sur les 90 derniers jours" },
  { key: "risk", label: "Risque", unit: "par tranche de 1 000 € de retard attendu (reste dû × probabilité de retard)" },
] as const;

export type PriorityFactor = (typeof priorityFactors)[number]["key"];
export type PriorityWeights = Record<PriorityFactor, number>;

/** One factor's weight, as typed in the priority configuration. */
export const priorityWeight = z
  .number({ message: "Indiquez un nombre." })
  .min(0, "Un poids est positif ou nul.")
  .max(1000, "1 000 au maximum.")
  .multipleOf(0.01, "Deux décimales au plus.");

export const defaultPriorityWeights: PriorityWeights = { amount: 1, daysLate: 1, brokenPromises: 10, risk: 1 };

export const priorityWeightsSchema = z
  // Weights saved before the risk factor existed read with its default.
  .object({ amount: priorityWeight, daysLate: priorityWeight, brokenPromises: priorityWeight, risk: priorityWeight.default(defaultPriorityWeights.risk) } satisfies Record<PriorityFactor, z.ZodType>)
  .default(defaultPriorityWeights);

/** How far back a broken promise still counts. */
export const brokenPromiseWindowDays = 90;

const points = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A number of points or a weight the French way: « 62,3 », « 15 », « 0,5 ». */
export function formatPoints(value: string | number): string {
  return points.format(Number(value));
}
