"use client";

import { Eye, Plus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { previewGroupAction, saveGroupAction } from "@/app/(app)/relance/(configuration)/groupes/actions";
import { selectClassName } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { GroupCriterion } from "@/db/schema/relance";
import { criterionFields, customFieldPrefix, type FieldKey, operatorLabels, operatorsFor, resolveField } from "@/lib/groups/criteria";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { SaveCancel } from "@/components/forms/save-cancel";

type Choice = { id: string; name: string };
type Row = { key: number; field: string; operator: string; value: string | string[] };
export type GroupEditorProps = {
  group?: { id: string; name: string; scenarioId: string | null; criteria: GroupCriterion[] };
  scenarios: Choice[];
  customFields: string[];
  choices: { entity: Choice[]; collector: Choice[]; salesRep: Choice[] };
};

const fieldGroups: { label: string; keys: FieldKey[] }[] = [
  { label: "Client", keys: ["code", "name", "siren", "hasSiren", "department", "region", "city", "country", "entity", "collector", "salesRep", "paymentTermsDays"] },
  { label: "Montants", keys: ["outstanding", "overdue", "creditLimit", "creditLimitExceeded", "oldestDaysLate"] },
  { label: "Suivi", keys: ["hasOpenDispute", "hasBrokenPromise"] },
];
const formLabels: Record<string, string> = { ...operatorLabels, in: "dans" };

const toRow = (c: GroupCriterion, key: number): Row => ({
  key,
  field: c.field,
  operator: c.operator,
  value: Array.isArray(c.value) ? (resolveField(c.field)?.def.type === "reference" ? c.value.map(String) : c.value.join(", ")) : c.value === null ? "" : String(c.value),
});

function toCriterion(row: Row): GroupCriterion {
  if (row.operator === "empty" || row.operator === "notEmpty") return { field: row.field, operator: row.operator, value: null };
  if (row.operator === "in") {
    const list = Array.isArray(row.value) ? row.value : row.value.split(",").map((v) => v.trim()).filter(Boolean);
    return { field: row.field, operator: "in", value: list };
  }
  return { field: row.field, operator: row.operator, value: Array.isArray(row.value) ? (row.value[0] ?? "") : row.value.trim() };
}

/** Name, scenario and criteria of a group, with a preview of what it would take before saving. */
export function GroupEditor({ group, scenarios, customFields, choices }: GroupEditorProps) {
  const router = useRouter();
  const next = useRef(group?.criteria.length ?? 0);
  const [name, setName] = useState(group?.name ?? "");
  const [scenarioId, setScenarioId] = useState(group?.scenarioId ?? "");
  const [rows, setRows] = useState<Row[]>(() => (group?.criteria ?? []).map(toRow));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ clients: number; outstanding: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const payload = () => ({ id: group?.id, name, scenarioId, criteria: rows.map(toCriterion) });
  const update = (key: number, change: Partial<Row>) => {
    setPreview(null);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };
  const changeField = (key: number, field: string) => {
    const def = resolveField(field)?.def;
    update(key, { field, operator: def ? operatorsFor(def)[0] : "eq", value: def?.type === "boolean" ? "true" : "" });
  };
  const addRow = () => {
    setPreview(null);
    setRows((all) => [...all, { key: next.current++, field: "department", operator: "in", value: "" }]);
  };

  const run = (kind: "preview" | "save") =>
    startTransition(async () => {
      if (kind === "preview") {
        const result = await previewGroupAction(null, payload());
        setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
        setMessage(result.ok ? null : result.error);
        setPreview(result.ok ? result.data : null);
        return;
      }
      const result = await saveGroupAction(null, payload());
      if (result.ok) return router.push("/relance/groupes");
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
    });

  const errorOf = (key: string) => errors[key]?.[0];
  const rowError = (i: number) => errorOf(`criteria.${i}.field`) ?? errorOf(`criteria.${i}.operator`) ?? errorOf(`criteria.${i}.value`) ?? errorOf(`criteria.${i}`);

  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        run("save");
      }}
    >
      {message && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 rounded-lg border bg-card p-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor="group-name">Nom du groupe</Label>
          <Input id="group-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errorOf("name") ? true : undefined} aria-describedby="group-name-error" />
          {errorOf("name") && <p id="group-name-error" className="text-xs text-destructive">{errorOf("name")}</p>}
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="group-scenario">Scénario</Label>
          <select id="group-scenario" className={selectClassName} value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            <option value="">Aucun scénario</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
          {errorOf("scenarioId") && <p className="text-xs text-destructive">{errorOf("scenarioId")}</p>}
        </div>
      </div>

      <fieldset className="space-y-3 rounded-lg border bg-card p-4">
        <legend className="px-1 text-sm font-medium">Critères (tous doivent être remplis)</legend>
        {rows.length === 0 && <p className="text-sm text-muted-foreground">Aucun critère : le groupe prendra tous les clients qui n&apos;appartiennent pas à un groupe prioritaire.</p>}
        {rows.map((row, i) => {
          const def = resolveField(row.field)?.def;
          const error = rowError(i);
          const n = i + 1;
          const reference = def?.type === "reference" ? choices[row.field as "entity" | "collector" | "salesRep"] : null;
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
                    <option key={op} value={op}>{formLabels[op]}</option>
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
                    inputMode={def?.type === "number" && row.operator !== "in" ? "decimal" : undefined}
                    placeholder={row.operator === "in" ? "Valeurs séparées par des virgules" : def?.type === "number" ? "Nombre" : "Valeur"}
                    value={String(row.value)}
                    onChange={(e) => update(row.key, { value: e.target.value })}
                  />
                )}
                <Button type="button" variant="ghost" size="icon" aria-label={`Retirer le critère ${n}`} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                  <X aria-hidden="true" />
                </Button>
              </div>
              {error && <p className="text-xs text-destructive">{error}</p>}
            </div>
          );
        })}
        <Button type="button" variant="outline" size="sm" onClick={addRow}>
          <Plus aria-hidden="true" /> Ajouter un critère
        </Button>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="outline" disabled={pending} onClick={() => run("preview")}>
          <Eye aria-hidden="true" /> Prévisualiser
        </Button>
        <output aria-live="polite" className="text-sm">
          {preview && (
            <>
              À son rang, ce groupe prendrait <strong className="tabular">{formatInteger(preview.clients)} client{preview.clients > 1 ? "s" : ""}</strong> pour{" "}
              <strong className="tabular">{formatMoney(preview.outstanding)}</strong> d&apos;encours.
            </>
          )}
        </output>
        <SaveCancel cancelHref="/relance/groupes" pending={pending} className="ml-auto" />
      </div>
    </form>
  );
}
