"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveAlertAction } from "@/app/(app)/relance/(agenda)/alertes/actions";
import { SaveCancel } from "@/components/forms/save-cancel";
import { type CriteriaChoices, CriteriaFields, type CriterionRow, toCriterion, toCriterionRow } from "@/components/relance/criteria-fields";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { GroupCriterion } from "@/db/schema/relance";
import type { CalculatedField } from "@/lib/groups/criteria";

const starter: GroupCriterion[] = [{ field: "overdue", operator: "gt", value: "" }];

/** Name and criteria of one of the user's alerts. */
export function AlertEditor({
  alert,
  customFields,
  calculated,
  choices,
}: {
  alert?: { id: string; name: string; criteria: GroupCriterion[] };
  customFields: string[];
  calculated: CalculatedField[];
  choices: CriteriaChoices;
}) {
  const router = useRouter();
  const [name, setName] = useState(alert?.name ?? "");
  const [rows, setRows] = useState<CriterionRow[]>(() => (alert?.criteria ?? starter).map(toCriterionRow));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorOf = (key: string) => errors[key]?.[0];

  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await saveAlertAction(null, { id: alert?.id, name, criteria: rows.map(toCriterion) });
          if (result.ok) return router.push("/relance/alertes");
          setErrors(result.fieldErrors ?? {});
          setMessage(result.error);
        });
      }}
    >
      {message && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errorOf("criteria") ?? message}</AlertDescription>
        </Alert>
      )}
      <div className="max-w-md space-y-1.5 rounded-lg border bg-card p-4">
        <Label htmlFor="alert-name">Nom de l&apos;alerte</Label>
        <Input id="alert-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errorOf("name") ? true : undefined} aria-describedby="alert-name-error" />
        {errorOf("name") && <p id="alert-name-error" className="text-xs text-destructive">{errorOf("name")}</p>}
      </div>
      <CriteriaFields
        rows={rows}
        onRowsChange={setRows}
        errorOf={errorOf}
        customFields={customFields}
        calculated={calculated}
        choices={choices}
        emptyHint="Ajoutez au moins un critère : échu au-delà d'un montant, limite de crédit dépassée, promesse non tenue…"
      />
      <SaveCancel cancelHref="/relance/alertes" pending={pending} />
    </form>
  );
}
