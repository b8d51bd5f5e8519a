import { z } from "zod";
import { priorityWeightsSchema } from "@/lib/relance/worklist-priority";

const text = (max: number) => z.string().trim().max(max, `${max} caractères au maximum.`);

const companySchema = z.object({
  name: text(120),
  /** Postal address, lines separated by "\n". */
  address: text(300),
  /** Where letters are written from: « Lyon, le 25 novembre 2026 ». */
  city: text(80),
  phone: text(40),
  email: z.union([z.literal(""), z.email("Adresse e-mail invalide.")]),
  /** Footer of letters: legal form, capital, RCS, VAT number… */
  legalMentions: text(500),
  iban: text(42),
  bic: text(11),
  /** Signature block, lines separated by "\n". */
  signature: text(300),
});

export type Company = z.infer<typeof companySchema>;

const emptyCompany: Company = { name: "", address: "", city: "", phone: "", email: "", legalMentions: "", iban: "", bic: "", signature: "" };

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
  /** The company's identity, printed on letters and available to templates as the « Société » clips. */
  company: companySchema.default(emptyCompany),
  /** The letterhead logo, PNG or JPEG, base64-encoded (at most 512 Ko once decoded). */
  companyLogo: z
    .object({ mimeType: z.enum(["image/png", "image/jpeg"]), base64: z.string().max(700_000) })
    .nullable()
    .default(null),
  /** Weights of the worklist priority, set by supervisors in the Relance configuration. */
  worklistPriority: priorityWeightsSchema,
  /** Predictive scoring: an invoice counts as late when paid more than `graceDays` after its due date. */
  scoring: z.object({ graceDays: z.number().int().min(0).max(60).default(0) }).default({ graceDays: 0 }),
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
