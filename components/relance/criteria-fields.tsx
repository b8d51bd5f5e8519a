"use client";

import { Plus, X } from "lucide-react";
import { useRef } from "react";
import { selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { GroupCriterion } from "@/db/schema/relance";
import { calculatedIdOf, calculatedKey } from "@/lib/formulas/keys";
import {
  type CalculatedField, criterionFields, customFieldPrefix, type FieldKey, operatorLabels, operatorsFor, resolveField,
} from "@/lib/groups/criteria";
import { grades } from "@/lib/scoring/grades";

type Choice = { id: string; name: string };
export type CriteriaChoices = { entity: Choice[]; collector: Choice[]; salesRep: Choice[] };
export type CriterionRow = { key: number; field: string; operator: string; value: string | string[] };

const fieldGroups: { label: string; keys: FieldKey[] }[] = [
  { label: "Client", keys: ["code", "name", "siren", "hasSiren", "department", "region", "city", "country", "entity", "collector", "salesRep", "paymentTermsDays"] },
  { label: "Montants", keys: ["outstanding", "overdue", "creditLimit", "creditLimitExceeded", "oldestDaysLate"] },
  { label: "Suivi", keys: ["hasOpenDispute", "hasBrokenPromise"] },
  { label: "Score", keys: ["scoreGrade", "scorePLate"] },
];

const gradeChoices = grades.map((g) => ({ id: g, name: g }));
const listed = (field: string) => ["reference", "grade"].includes(resolveField(field)?.def.type ?? "");

export const toCriterionRow = (c: GroupCriterion, key: number): CriterionRow => ({
  key,
  field: c.field,
  operator: c.operator,
  value: Array.isArray(c.value) ? (listed(c.field) ? c.value.map(String) : c.value.join(", ")) : c.value === null ? "" : String(c.value),
});

export function toCriterion(row: CriterionRow): GroupCriterion {
  if (row.operator === "empty" || row.operator === "notEmpty") return { field: row.field, operator: row.operator, value: null };
  if (row.operator === "in") {
    const list = Array.isArray(row.value) ? row.value : row.value.split(",").map((v) => v.trim()).filter(Boolean);
    return { field: row.field, operator: "in", value: list };
  }
  return { field: row.field, operator: row.operator, value: Array.isArray(row.value) ? (row.value[0] ?? "") : row.value.trim() };
}

/**
 * The rows of criteria on clients, shared by groups and alerts: field, operator and value, each labelled
 * « … du critère N ». Errors are read as `criteria.<index>.<field|operator|value>`.
 */
export function CriteriaFields({
  rows,
  onRowsChange,
  errorOf,
  customFields,
  calculated,
  choices,
  emptyHint,
}: {
  rows: CriterionRow[];
  onRowsChange: (change: (rows: CriterionRow[]) => CriterionRow[]) => void;
  errorOf: (key: string) => string | undefined;
  customFields: string[];
  /** The calculated columns a criterion may name (those whose formula holds). */
  calculated: CalculatedField[];
  choices: CriteriaChoices;
  emptyHint: string;
}) {
  const next = useRef(rows.length);
  const update = (key: number, change: Partial<CriterionRow>) => onRowsChange((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const changeField = (key: number, field: string) => {
    const def = resolveField(field, calculated)?.def;
    const operator = def ? operatorsFor(def)[0] : "eq";
    update(key, { field, operator, value: def?.type === "boolean" ? "true" : operator === "in" && listed(field) ? [] : "" });
  };
  const rowError = (i: number) =>
    errorOf(`criteria.${i}.field`) ?? errorOf(`criteria.${i}.operator`) ?? errorOf(`criteria.${i}.value`) ?? errorOf(`criteria.${i}`);

  return (
    <fieldset className="space-y-3 rounded-lg border bg-card p-4">
      <legend className="px-1 text-sm font-medium">Critères (tous doivent être remplis)</legend>
      {rows.length === 0 && <p className="text-sm text-muted-foreground">{emptyHint}</p>}
      {rows.map((row, i) => {
        const def = resolveField(row.field, calculated)?.def;
        const error = rowError(i);
        const n = i + 1;
        const reference =
          def?.type === "reference" ? choices[row.field as "entity" | "collector" | "salesRep"] : def?.type === "grade" ? gradeChoices : null;
        return (
          <div key={row.key} className="space-y-1">
            <div className="grid gap-2 sm:grid-cols-[minmax(0,14rem)_minmax(0,9rem)_minmax(0,1fr)_auto]">
              <select aria-label={`Champ du critère ${n}`} className={selectClassName} value={row.field} onChange={(e) => changeField(row.key, e.target.value)}>
                {fieldGroups.map((g) => (
                  <optgroup key={g.label} label={g.label}>
                    {g.keys.map((k) => (
                      <option key={k} value={k}>{criterionFields[k].label}</option>
                    ))}
                  </optgroup>
                ))}
                {calculated.length > 0 && (
                  <optgroup label="Colonnes calculées">
                    {calculated.map((c) => (
                      <option key={c.id} value={calculatedKey(c.id)}>{c.name}</option>
                    ))}
                  </optgroup>
                )}
                {calculatedIdOf(row.field) !== null && !def && <option value={row.field}>Colonne calculée supprimée</option>}
                {customFields.length > 0 && (
                  <optgroup label="Champs personnalisés">
                    {customFields.map((f) => (
                      <option key={f} value={`${customFieldPrefix}${f}`}>{f}</option>
                    ))}
                  </optgroup>
                )}
              </select>
              <select aria-label={`Opérateur du critère ${n}`} className={selectClassName} value={row.operator} onChange={(e) => update(row.key, { operator: e.target.value, value: e.target.value === "in" && reference ? [] : "" })}>
                {(def ? operatorsFor(def) : []).map((op) => (
                  <option key={op} value={op}>{operatorLabels[op]}</option>
                ))}
              </select>
              {row.operator === "empty" || row.operator === "notEmpty" ? (
                <span />
              ) : def?.type === "boolean" ? (
                <select aria-label={`Valeur du critère ${n}`} className={selectClassName} value={String(row.value)} onChange={(e) => update(row.key, { value: e.target.value })}>
                  <option value="true">Oui</option>
                  <option value="false">Non</option>
                </select>
              ) : reference ? (
                <select
                  aria-label={`Valeur du critère ${n}`}
                  className={row.operator === "in" ? `${selectClassName} h-24 py-1` : selectClassName}
                  multiple={row.operator === "in"}
                  value={row.value}
                  onChange={(e) => update(row.key, { value: row.operator === "in" ? Array.from(e.target.selectedOptions, (o) => o.value) : e.target.value })}
                >
                  {row.operator !== "in" && <option value="">Choisir…</option>}
                  {reference.map((c) => (
                    <option key={c.id} value={c.id}>{c.name}</option>
                  ))}
                </select>
              ) : (
                <Input
                  aria-label={`Valeur du critère ${n}`}
                  inputMode={(def?.type === "number" || def?.type === "percent") && row.operator !== "in" ? "decimal" : undefined}
                  placeholder={
                    row.operator === "in" ? "Valeurs séparées par des virgules" : def?.type === "number" ? "Nombre" : def?.type === "percent" ? "En %, ex. 40" : "Valeur"
                  }
                  value={String(row.value)}
                  onChange={(e) => update(row.key, { value: e.target.value })}
                />
              )}
              <Button type="button" variant="ghost" size="icon" aria-label={`Retirer le critère ${n}`} onClick={() => onRowsChange((all) => all.filter((r) => r.key !== row.key))}>
                <X aria-hidden="true" />
              </Button>
            </div>
            {error && <p className="text-xs text-destructive">{error}</p>}
          </div>
        );
      })}
      <Button type="button" variant="outline" size="sm" onClick={() => onRowsChange((all) => [...all, { key: next.current++, field: "department", operator: "in", value: "" }])}>
        <Plus aria-hidden="true" /> Ajouter un critère
      </Button>
    </fieldset>
  );
}
