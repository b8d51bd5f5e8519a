/**
 * What an échéancier accepts: the open invoices of one client it covers, and instalments with strictly increasing
 * dates from today on whose amounts add up exactly to the covered amount. Money stays in decimal strings and is
 * added in cents, never in floating point.
 */
import { z } from "zod";
import { isoDatePattern } from "@/lib/dates";
import { formatMoney } from "@/lib/format/fr";
import { fromCents, sumCents, toCents } from "@/lib/templates/decimal";

export const MAX_INSTALMENTS = 36;
export const periods = ["month", "fortnight", "week"] as const;
export type Period = (typeof periods)[number];
export const periodLabels: Record<Period, string> = { month: "Mensuelle", fortnight: "Tous les 15 jours", week: "Hebdomadaire" };

/** « 1 234,56 € » or "1234.56" to "1234.56"; null when it is not an amount in euros and cents. */
export function parseFrenchMoney(value: string): string | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return fromCents(toCents(cleaned));
}

const money = z
  .string({ message: "Indiquez un montant." })
  .transform((v, ctx) => {
    const amount = parseFrenchMoney(v);
    if (amount === null || toCents(amount) <= 0n) {
      ctx.addIssue({ code: "custom", message: "Indiquez un montant positif, en euros et centimes." });
      return z.NEVER;
    }
    return amount;
  });

const instalment = z.object({
  dueDate: z.string().regex(isoDatePattern, "Indiquez la date de l'échéance."),
  amount: money,
});
export type InstalmentInput = z.infer<typeof instalment>;

/** The échéancier as submitted, checked against `today`; the covered amount is checked where it is known. */
export function paymentPlanInput(today: string) {
  return z
    .object({
      requestId: z.uuid(),
      clientId: z.uuid(),
      actionId: z.union([z.uuid(), z.literal("")]).optional().transform((v) => v || null),
      documentIds: z.array(z.coerce.number().int().positive()).min(1, "Choisissez au moins une pièce."),
      instalments: z
        .array(instalment)
        .min(1, "Prévoyez au moins une échéance.")
        .max(MAX_INSTALMENTS, `Prévoyez au plus ${MAX_INSTALMENTS} échéances.`),
      graceDays: z.coerce.number().int("Indiquez un nombre de jours entier.").min(0, "Indiquez un délai positif ou nul.").max(60, "Un délai de grâce dépasse rarement 60 jours.").default(5),
      note: z.string().trim().max(1000).optional().transform((v) => v || null),
    })
    .superRefine((input, ctx) => {
      input.instalments.forEach((line, i) => {
        if (line.dueDate < today) ctx.addIssue({ code: "custom", path: ["instalments", i, "dueDate"], message: "Une échéance ne peut pas être dans le passé." });
        const previous = input.instalments[i - 1];
        if (previous && line.dueDate <= previous.dueDate) {
          ctx.addIssue({ code: "custom", path: ["instalments", i, "dueDate"], message: "Chaque échéance doit suivre la précédente." });
        }
      });
      if (new Set(input.documentIds).size !== input.documentIds.length) ctx.addIssue({ code: "custom", path: ["documentIds"], message: "Une pièce est choisie deux fois." });
    });
}
export type PaymentPlanInput = z.infer<ReturnType<typeof paymentPlanInput>>;

/** Σ of the instalments' amounts, as a decimal string. */
export function instalmentsTotal(amounts: string[]): string {
  return fromCents(sumCents(amounts.map(toCents)));
}

/** Why the instalments do not cover `covered` exactly, in French; null when they do. */
export function totalMismatch(amounts: string[], covered: string): string | null {
  const difference = toCents(covered) - sumCents(amounts.map(toCents));
  if (difference === 0n) return null;
  const total = formatMoney(instalmentsTotal(amounts));
  const gap = formatMoney(fromCents(difference < 0n ? -difference : difference));
  return `Le total des échéances (${total}) diffère du montant couvert (${formatMoney(covered)}) : ${difference > 0n ? "il manque" : "il y a"} ${gap}${difference > 0n ? "" : " de trop"}.`;
}

/** `date` moved by `months` calendar months, on the same day or the month's last when it has fewer days. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

function nthDate(first: string, period: Period, n: number): string {
  if (period === "month") return addMonths(first, n);
  const day = new Date(`${first}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + n * (period === "week" ? 7 : 14));
  return day.toISOString().slice(0, 10);
}

/**
 * `count` equal instalments covering `covered`, the first on `firstDate`, then one per period; what does not
 * divide to the cent goes on the last one (1 000,00 in 3 → 333,33, 333,33, 333,34).
 */
export function proposeInstalments(covered: string, count: number, firstDate: string, period: Period = "month"): InstalmentInput[] {
  const total = toCents(covered);
  const n = BigInt(count);
  const share = total / n;
  return Array.from({ length: count }, (_, i) => ({
    dueDate: nthDate(firstDate, period, i),
    amount: fromCents(i === count - 1 ? total - share * (n - 1n) : share),
  }));
}
