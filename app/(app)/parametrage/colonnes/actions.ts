"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import {
  type CalculatedColumnRow,
  calculatedNameTaken,
  createCalculatedColumn,
  deleteCalculatedColumn,
  listCalculatedColumns,
  renamedFormulas,
  updateCalculatedColumn,
} from "@/db/queries/calculated-columns";
import { listClientCustomFields } from "@/db/queries/clients";
import { calculatedColumnUsage, isUsedByCriteria, usedBy } from "@/db/queries/calculated-usage";
import { previewFormula } from "@/db/queries/calculated-values";
import { calculatedColumnTypes } from "@/db/schema/calculated";
import { type ActionResult, authedAction } from "@/lib/auth/action";
import { today } from "@/lib/dates";
import { analyseFormula } from "@/lib/formulas/analyse";
import type { FormulaError } from "@/lib/formulas/ast";
import { brokenDependent, valueTypeOf } from "@/lib/formulas/column-checks";
import { refreshCalculatedColumn } from "@/lib/formulas/refresh-column";

const formula = z
  .string()
  .max(2000, "2 000 caractères au maximum.")
  .refine((v) => v.trim() !== "", "Écrivez la formule.");
const type = z.enum(calculatedColumnTypes, { message: "Type inconnu." });

const columnForm = z.object({
  id: z.uuid().optional(),
  name: z
    .string()
    .trim()
    .min(1, "Donnez un nom à la colonne.")
    .max(80, "80 caractères au maximum.")
    .refine((v) => !/[[\]]/.test(v), "Le nom ne peut pas contenir de crochets."),
  type,
  // Kept as typed: error positions point into the text the user sees.
  formula,
  description: z.string().trim().max(500, "500 caractères au maximum.").default(""),
});
type ColumnForm = z.infer<typeof columnForm>;

/** The field error for a formula; `formulaAt` carries the span so the editor can underline it. */
const formulaRefused = (error: FormulaError): ActionResult<never> => ({
  ok: false,
  error: "La formule n'est pas valide.",
  fieldErrors: { formula: [error.message], formulaAt: [`${error.start}-${error.end}`] },
});

/** Every saved column as it would read once this one is saved: the edit applied, renamed references rewritten. */
function columnsAfter(saved: CalculatedColumnRow[], input: { id?: string; name: string; type: ColumnForm["type"]; formula: string }) {
  const before = saved.find((c) => c.id === input.id);
  const renamed = new Map(before ? renamedFormulas(saved, before.id, before.name, input.name).map((r) => [r.column.id, r.formula]) : []);
  return saved.map((c) =>
    c.id === input.id ? { ...c, name: input.name, type: input.type, formula: input.formula } : { ...c, formula: renamed.get(c.id) ?? c.formula },
  );
}

async function formulaContext(db: Queryable, input: { id?: string; name: string; type: ColumnForm["type"]; formula: string }) {
  const [saved, customFields] = await Promise.all([listCalculatedColumns(db), listClientCustomFields(db)]);
  return { saved, customFields, columns: columnsAfter(saved, input) };
}

async function refusal(db: Queryable, input: ColumnForm): Promise<ActionResult<never> | null> {
  if (await calculatedNameTaken(db, input.name, input.id)) {
    return { ok: false, error: "Certains champs sont invalides.", fieldErrors: { name: ["Une colonne porte déjà ce nom."] } };
  }
  const { saved, customFields, columns } = await formulaContext(db, input);
  const before = saved.find((c) => c.id === input.id);
  if (input.id && !before) return { ok: false, error: "Colonne introuvable." };
  const analysis = analyseFormula(input.formula, input.type, { columns, customFields, selfId: input.id });
  if (!analysis.ok) return formulaRefused(analysis.error);
  if (before && valueTypeOf(before.type) !== valueTypeOf(input.type)) {
    const usage = await calculatedColumnUsage(db, before);
    if (isUsedByCriteria(usage)) {
      return { ok: false, error: `Le type ne peut pas changer de nature (nombre, texte, oui/non) : la colonne est ${usedBy({ ...usage, columns: [] })}.` };
    }
  }
  const broken = input.id ? brokenDependent(columns, customFields, { id: input.id, name: input.name }) : null;
  return broken ? { ok: false, error: broken } : null;
}

export const saveCalculatedColumnAction = authedAction("calculated.manage", columnForm, async (input, { db, scope }): Promise<ActionResult<{ id: string }>> => {
  const refused = await refusal(db, input);
  if (refused) return refused;
  const values = { name: input.name, type: input.type, formula: input.formula, description: input.description };
  const id = await db.transaction(async (tx) => {
    const saved = input.id ? ((await updateCalculatedColumn(tx, scope.userId, input.id, values)) ? input.id : null) : await createCalculatedColumn(tx, scope.userId, values);
    if (saved) await refreshCalculatedColumn(tx, saved, today());
    return saved;
  });
  if (!id) return { ok: false, error: "Colonne introuvable." };
  revalidatePath("/parametrage/colonnes");
  return { ok: true, data: { id }, message: input.id ? `Colonne « ${input.name} » enregistrée.` : `Colonne « ${input.name} » créée.` };
});

export const deleteCalculatedColumnAction = authedAction("calculated.manage", z.object({ id: z.uuid() }), async ({ id }, { db, scope }) => {
  const result = await db.transaction((tx) => deleteCalculatedColumn(tx, scope.userId, id));
  if (!result.ok) return result;
  revalidatePath("/parametrage/colonnes");
  return { ok: true, data: undefined, message: `Colonne « ${result.name} » supprimée.` };
});

export type FormulaPreview =
  | { kind: "empty" }
  | { kind: "error"; error: FormulaError }
  | { kind: "rows"; materialised: boolean; rows: { id: string; code: string; name: string; value: string | number | boolean | null }[] };

/** Ten clients of the user's scope with the formula's value, or where the formula goes wrong. Nothing is saved. */
export const previewCalculatedColumnAction = authedAction(
  "calculated.manage",
  z.object({ id: z.uuid().optional(), name: z.string().trim().max(80).default(""), type, formula: z.string().max(2000, "2 000 caractères au maximum.") }),
  async (input, { db, scope }): Promise<ActionResult<FormulaPreview>> => {
    if (!input.formula.trim()) return { ok: true, data: { kind: "empty" } };
    const { customFields, columns } = await formulaContext(db, input);
    const analysis = analyseFormula(input.formula, input.type, { columns, customFields, selfId: input.id });
    if (!analysis.ok) return { ok: true, data: { kind: "error", error: analysis.error } };
    const rows = await previewFormula(db, scope, analysis.typed, today(), 10);
    return { ok: true, data: { kind: "rows", materialised: analysis.materialised, rows } };
  },
);
