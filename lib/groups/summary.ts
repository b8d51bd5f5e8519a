/** Group criteria as one French line for lists: « Département dans 75, 92 · Encours > 10 000 € ». */
import type { GroupCriterion } from "@/db/schema/relance";
import { calculatedIdOf } from "@/lib/formulas/keys";
import { type CalculatedField, type FieldKey, operatorLabels, resolveField } from "./criteria";

const moneyFields = new Set<FieldKey>(["outstanding", "overdue", "creditLimit"]);
const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** `names` turns ids of sociétés and users into what a person recognises; `calculated` names the calculated columns. */
export function summariseCriterion(c: GroupCriterion, names: ReadonlyMap<string, string> = new Map(), calculated: readonly CalculatedField[] = []): string {
  const field = resolveField(c.field, calculated);
  const label = field?.def.label ?? (calculatedIdOf(c.field) !== null ? "Colonne calculée supprimée" : c.field);
  const operator = operatorLabels[c.operator as keyof typeof operatorLabels] ?? c.operator;
  if (c.operator === "empty" || c.operator === "notEmpty") return `${label} ${operator}`;
  const money = field && (("key" in field && moneyFields.has(field.key)) || ("calc" in field && field.calc.type === "amount"));
  const show = (v: string | number | boolean): string => {
    if (typeof v === "boolean" || v === "true" || v === "false") return v === true || v === "true" ? "oui" : "non";
    if (field?.def.type === "number") {
      const n = Number(String(v).replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
      if (Number.isFinite(n)) return `${number.format(n)}${money ? " €" : ""}`;
    }
    if (field?.def.type === "percent") return `${number.format(Number(String(v).replace(",", ".")))} %`;
    if (field?.def.type === "reference") return names.get(String(v)) ?? String(v);
    return String(v);
  };
  const values = Array.isArray(c.value) ? c.value.map(show).join(", ") : show(c.value as string | number);
  if (field?.def.type === "boolean") return `${label} : ${values}`;
  return `${label} ${operator} ${values}`;
}

export function summariseCriteria(criteria: GroupCriterion[], names?: ReadonlyMap<string, string>, calculated: readonly CalculatedField[] = []): string {
  return criteria.length ? criteria.map((c) => summariseCriterion(c, names, calculated)).join(" · ") : "Tous les clients";
}
