/** How a calculated column's value reads, by the column's type: 12 345,67 €, 42,5 %, 37 j, Oui. */
import type { CalculatedColumnType } from "@/db/schema/calculated";
import { formatDecimal, formatMoney, formatPercent } from "@/lib/format/fr";

export const calculatedTypeLabels: Record<CalculatedColumnType, string> = {
  amount: "Montant",
  number: "Nombre",
  percent: "Pourcentage",
  days: "Jours",
  text: "Texte",
  boolean: "Oui/non",
};

/** A value as stored (numbers as decimal strings) or computed; a dash when empty. */
export type CalculatedValue = string | number | boolean | null;

export function formatCalculated(type: CalculatedColumnType, value: CalculatedValue): string {
  if (value === null || value === "") return "—";
  if (type === "boolean") return value === true || value === "true" ? "Oui" : "Non";
  if (type === "text") return String(value);
  const n = Number(value);
  if (!Number.isFinite(n)) return "—";
  switch (type) {
    case "amount": return formatMoney(n.toFixed(2));
    // Stored as a ratio, as spreadsheets do: 0,25 reads 25 %.
    case "percent": return formatPercent(n);
    case "days": return `${formatDecimal(n, Number.isInteger(n) ? 0 : 1)} j`;
    default: return formatDecimal(n, Number.isInteger(n) ? 0 : 2);
  }
}

/** Whether the column holds numbers: sortable as numbers and filtered by a range. */
export const isNumericType = (type: CalculatedColumnType) => type !== "text" && type !== "boolean";
