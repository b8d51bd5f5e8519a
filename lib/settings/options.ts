import { z } from "zod";

/** Company options edited in Paramétrage, with their defaults. Stored one key per row in `settings`. */
export const optionSchemas = {
  agingLimits: z
    .array(z.number().int().positive())
    .min(1)
    .max(8)
    .refine((limits) => limits.every((l, i) => i === 0 || l > limits[i - 1]), "Les tranches doivent être croissantes.")
    .default([30, 60, 90, 120]),
  planningHorizonDays: z.number().int().min(0).max(60).default(7),
  /**
   * Annual late-payment penalty rate in percent, as an exact decimal string (Code de commerce L441-10).
   * The default is a starting value to update each semester: ECB main refinancing rate (2.15 %) + 10 points.
   */
  latePaymentRatePercent: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,4})?$/, "Taux invalide : saisissez un pourcentage tel que 12.15.")
    .default("12.15"),
};

export type Options = { [K in keyof typeof optionSchemas]: z.infer<(typeof optionSchemas)[K]> };
export type OptionKey = keyof Options;

export function parseOption<K extends OptionKey>(key: K, value: unknown): Options[K] {
  return optionSchemas[key].parse(value) as Options[K];
}

/** Labels of the aging buckets for limits such as [30, 60, 90, 120]: "1–30 j" … "> 120 j". */
export function agingBucketLabels(limits: number[]): string[] {
  const labels = limits.map((limit, i) => `${i === 0 ? 1 : limits[i - 1] + 1}–${limit} j`);
  return [...labels, `> ${limits[limits.length - 1]} j`];
}

/** The aging bucket a document falls in, by its days past due: "Non échu" until due, then "1–30 j" … "> 120 j". */
export function agingBucketLabel(daysLate: number, limits: number[]): string {
  if (daysLate <= 0) return "Non échu";
  const index = limits.findIndex((limit) => daysLate <= limit);
  return agingBucketLabels(limits)[index === -1 ? limits.length : index];
}
