/** The criteria a group may put on clients: which fields, which operators for each type, and their validation. */
import { z } from "zod";
import type { CalculatedColumnType } from "@/db/schema/calculated";
import type { GroupCriterion } from "@/db/schema/relance";
import { calculatedIdOf } from "@/lib/formulas/keys";
import { grades } from "@/lib/scoring/grades";

export type FieldType = "text" | "number" | "reference" | "boolean" | "grade" | "percent";

export type FieldKey =
  | "code" | "name" | "siren" | "department" | "region" | "city" | "country"
  | "entity" | "collector" | "salesRep" | "paymentTermsDays" | "creditLimit"
  | "outstanding" | "overdue" | "oldestDaysLate" | "hasOpenDispute" | "hasSiren"
  | "creditLimitExceeded" | "hasBrokenPromise" | "scoreGrade" | "scorePLate";

/** `calc`: a calculated column's value, compared exactly (numeric) and free of the 0–100 bound of a probability. */
type FieldDef = { label: string; type: FieldType; nullable?: boolean; calc?: boolean };

export const criterionFields: Record<FieldKey, FieldDef> = {
  code: { label: "Code client", type: "text" },
  name: { label: "Raison sociale", type: "text" },
  siren: { label: "SIREN", type: "text" },
  department: { label: "Département", type: "text" },
  region: { label: "Région", type: "text" },
  city: { label: "Ville", type: "text" },
  country: { label: "Pays", type: "text" },
  entity: { label: "Société", type: "reference" },
  collector: { label: "Chargé de recouvrement", type: "reference", nullable: true },
  salesRep: { label: "Commercial", type: "reference", nullable: true },
  paymentTermsDays: { label: "Délai de paiement (jours)", type: "number" },
  creditLimit: { label: "Limite de crédit", type: "number", nullable: true },
  outstanding: { label: "Encours", type: "number" },
  overdue: { label: "Échu", type: "number" },
  oldestDaysLate: { label: "Retard le plus ancien (jours)", type: "number" },
  hasOpenDispute: { label: "Litige en cours", type: "boolean" },
  hasSiren: { label: "SIREN renseigné", type: "boolean" },
  creditLimitExceeded: { label: "Limite de crédit dépassée", type: "boolean" },
  hasBrokenPromise: { label: "Promesse non tenue (90 derniers jours)", type: "boolean" },
  // A client not scored yet has neither: it meets no condition on them but « est vide ».
  scoreGrade: { label: "Score", type: "grade", nullable: true },
  scorePLate: { label: "Probabilité de retard", type: "percent", nullable: true },
};

export const customFieldPrefix = "custom:";

/** What criteria need to know of a calculated column (the ready columns of db/queries/calculated-values fit). */
export type CalculatedField = { id: string; name: string; type: CalculatedColumnType };

const calculatedFieldTypes: Record<CalculatedColumnType, FieldType> = {
  amount: "number", number: "number", days: "number", percent: "percent", text: "text", boolean: "boolean",
};

export const calculatedFieldDef = (column: CalculatedField): FieldDef => ({
  label: column.name, type: calculatedFieldTypes[column.type], nullable: column.type !== "boolean", calc: true,
});

export const operatorLabels = {
  eq: "=",
  neq: "≠",
  in: "dans",
  gt: ">",
  lt: "<",
  gte: "≥",
  lte: "≤",
  contains: "contient",
  empty: "est vide",
  notEmpty: "est renseigné",
} as const;

export type Operator = keyof typeof operatorLabels;

const operatorsByType: Record<FieldType, readonly Operator[]> = {
  text: ["eq", "neq", "in", "contains", "empty", "notEmpty"],
  number: ["eq", "neq", "in", "gt", "lt", "empty", "notEmpty"],
  reference: ["eq", "neq", "in", "empty", "notEmpty"],
  boolean: ["eq"],
  grade: ["in", "eq", "empty", "notEmpty"],
  percent: ["gte", "lte", "empty", "notEmpty"],
};

/** Operators offered for a field: "est vide" only where the value can be missing. */
export function operatorsFor(field: FieldDef): Operator[] {
  const emptiable = field.type === "text" || field.nullable;
  return operatorsByType[field.type].filter((op) => emptiable || (op !== "empty" && op !== "notEmpty"));
}

export type ResolvedField = { key: FieldKey; def: FieldDef } | { custom: string; def: FieldDef } | { calc: CalculatedField; def: FieldDef };

/** The field a criterion names; a calculated column must be among `calculated` (a deleted one resolves to null). */
export function resolveField(field: string, calculated: readonly CalculatedField[] = []): ResolvedField | null {
  const calculatedId = calculatedIdOf(field);
  if (calculatedId !== null) {
    // Calculated columns are criteria fields too; their type follows the column's.
    const column = calculated.find((c) => c.id === calculatedId);
    return column ? { calc: column, def: calculatedFieldDef(column) } : null;
  }
  if (field.startsWith(customFieldPrefix)) {
    const name = field.slice(customFieldPrefix.length);
    return name.trim() && name.length <= 100 ? { custom: name, def: { label: name, type: "text", nullable: true } } : null;
  }
  return Object.hasOwn(criterionFields, field) ? { key: field as FieldKey, def: criterionFields[field as FieldKey] } : null;
}

/** A criterion whose value has the shape its operator needs (a list for "dans", nothing for "est vide"). */
export type ParsedCriterion = { field: ResolvedField; operator: Operator; value: string | number | boolean | string[] | number[] | null };

const text = z.string().trim().min(1).max(200);
// Typed the French way ("10 000,50") in a form, or stored as a plain number.
const frenchNumber = z
  .string()
  .transform((v) => v.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/))
  .transform(Number);
const amount = z.union([z.number(), frenchNumber]).pipe(z.number().finite().min(-1e12).max(1e12));
const valueSchemas: Record<FieldType, z.ZodType<string | number | boolean>> = {
  text,
  number: amount,
  reference: z.uuid(),
  boolean: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
  grade: z.string().trim().toUpperCase().pipe(z.enum(grades)),
  percent: z.union([z.number(), frenchNumber]).pipe(z.number().min(0).max(100)),
};
const valueHints: Record<FieldType, string> = {
  text: "un texte de 1 à 200 caractères",
  number: "un nombre",
  reference: "un identifiant",
  boolean: "oui ou non",
  grade: "une lettre de A à E",
  percent: "un pourcentage de 0 à 100",
};

// A calculated percentage is any ratio (a CEI may pass 100 %), typed as a percentage.
const calcPercent = z.union([z.number(), frenchNumber]).pipe(z.number().finite().min(-1e9).max(1e9));

function parseValue(def: FieldDef, operator: Operator, value: unknown) {
  if (operator === "empty" || operator === "notEmpty") return { success: true as const, data: null };
  const schema = def.calc && def.type === "percent" ? calcPercent : valueSchemas[def.type];
  if (operator !== "in") return schema.safeParse(value);
  return z.array(schema).min(1).max(500).safeParse(value);
}

const unknownField = (field: string) =>
  calculatedIdOf(field) !== null ? "Colonne calculée inconnue ou supprimée." : `Champ inconnu : « ${field} ».`;

const criterionSchema = (calculated: readonly CalculatedField[]) => z
  .object({ field: z.string(), operator: z.string(), value: z.unknown() }, { message: "Critère mal formé." })
  .transform((c, ctx): ParsedCriterion => {
    const field = resolveField(c.field, calculated);
    if (!field) {
      ctx.addIssue({ code: "custom", path: ["field"], message: unknownField(c.field) });
      return z.NEVER;
    }
    const operator = c.operator as Operator;
    if (!operatorsFor(field.def).includes(operator)) {
      const label = Object.hasOwn(operatorLabels, c.operator) ? operatorLabels[operator] : c.operator;
      ctx.addIssue({ code: "custom", path: ["operator"], message: `L'opérateur « ${label} » ne s'applique pas à « ${field.def.label} ».` });
      return z.NEVER;
    }
    const value = parseValue(field.def, operator, c.value);
    if (!value.success) {
      const hint = field.def.calc && field.def.type === "percent" ? "un pourcentage" : valueHints[field.def.type];
      const expected = operator === "in" ? `une liste de 1 à 500 valeurs est attendue, chacune ${hint}` : `${hint} est attendu`;
      ctx.addIssue({ code: "custom", path: ["value"], message: `Valeur invalide pour « ${field.def.label} » : ${expected}.` });
      return z.NEVER;
    }
    return { field, operator, value: value.data as ParsedCriterion["value"] };
  });

/** Criteria over the standard fields, custom fields and the `calculated` columns given. */
export const criteriaSchema = (calculated: readonly CalculatedField[] = []) =>
  z.array(criterionSchema(calculated), { message: "Liste de critères attendue." }).max(50, "50 critères au maximum.");

export const groupCriteriaSchema = criteriaSchema();

/** Parses stored or submitted criteria, throwing the first French error message when one is invalid. */
export function parseCriteriaOrThrow(criteria: GroupCriterion[], calculated: readonly CalculatedField[] = []): ParsedCriterion[] {
  const parsed = criteriaSchema(calculated).safeParse(criteria);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  return parsed.data;
}

/** Criteria errors for an editor, keyed `criteria.<row>.<field|operator|value>`; null when the criteria hold. */
export function criteriaFieldErrors(criteria: unknown, calculated: readonly CalculatedField[] = []): Record<string, string[]> | null {
  const parsed = criteriaSchema(calculated).safeParse(criteria);
  if (parsed.success) return null;
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? `criteria.${issue.path.join(".")}` : "criteria";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** Criteria as an editor submits them, before criteriaFieldErrors checks them against the fields. */
export const criteriaInput = z
  .array(z.object({ field: z.string(), operator: z.string(), value: z.union([z.string(), z.number(), z.array(z.string()), z.null()]) }))
  .max(50, "50 critères au maximum.");
