"use client";

import { Eye } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { previewGroupAction, saveGroupAction } from "@/app/(app)/relance/(configuration)/groupes/actions";
import { selectClassName } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { GroupCriterion } from "@/db/schema/relance";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { SaveCancel } from "@/components/forms/save-cancel";
import type { CalculatedField } from "@/lib/groups/criteria";
import { type CriteriaChoices, CriteriaFields, type CriterionRow, toCriterion, toCriterionRow } from "./criteria-fields";

type Choice = { id: string; name: string };
export type GroupEditorProps = {
  group?: { id: string; name: string; scenarioId: string | null; criteria: GroupCriterion[] };
  scenarios: Choice[];
  customFields: string[];
  calculated: CalculatedField[];
  choices: CriteriaChoices;
};

/** Name, scenario and criteria of a group, with a preview of what it would take before saving. */
export function GroupEditor({ group, scenarios, customFields, calculated, choices }: GroupEditorProps) {
  const router = useRouter();
  const [name, setName] = useState(group?.name ?? "");
  const [scenarioId, setScenarioId] = useState(group?.scenarioId ?? "");
  const [rows, setRows] = useState<CriterionRow[]>(() => (group?.criteria ?? []).map(toCriterionRow));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ clients: number; outstanding: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const payload = () => ({ id: group?.id, name, scenarioId, criteria: rows.map(toCriterion) });
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

      <CriteriaFields
        rows={rows}
        onRowsChange={(change) => {
          setPreview(null);
          setRows(change);
        }}
        errorOf={errorOf}
        customFields={customFields}
        calculated={calculated}
        choices={choices}
        emptyHint="Aucun critère : le groupe prendra tous les clients qui n'appartiennent pas à un groupe prioritaire."
      />

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
