"use client";

import { startTransition, useActionState } from "react";
import { updateDisputeCaseAction } from "@/app/(app)/litiges/actions";
import { Field, FieldErrorsContext, selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action";
import {
  type DisputeCategory,
  type DisputeOutcome,
  type DisputeStatus,
  disputeCategories,
  disputeCategoryLabels,
  disputeOutcomeLabels,
  disputeOutcomes,
  disputeStatuses,
  disputeStatusLabels,
} from "@/lib/disputes/labels";

type Case = {
  id: string;
  status: DisputeStatus;
  category: DisputeCategory;
  amount: string | null;
  ownerId: string | null;
  targetDate: string | null;
  outcome: DisputeOutcome | null;
  resolutionNote: string | null;
};

/** Edits a case: every field for those who manage cases, only how it stands and ends for its owner. */
export function DisputeCaseForm({ dispute, owners, manage }: { dispute: Case; owners: { id: string; name: string }[]; manage: boolean }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(updateDisputeCaseAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        // Submitted by hand so what was typed survives a refusal.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="id" value={dispute.id} />
      <FieldErrorsContext value={errors}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="status" label="Statut">
            {(p) => (
              <select {...p} defaultValue={dispute.status} className={selectClassName}>
                {disputeStatuses.map((s) => (
                  <option key={s} value={s}>
                    {disputeStatusLabels[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="outcome" label="Résultat (requis pour « Résolu »)">
            {(p) => (
              <select {...p} defaultValue={dispute.outcome ?? ""} className={selectClassName}>
                <option value="">—</option>
                {disputeOutcomes.map((o) => (
                  <option key={o} value={o}>
                    {disputeOutcomeLabels[o]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {manage && (
            <>
              <Field name="category" label="Catégorie">
                {(p) => (
                  <select {...p} defaultValue={dispute.category} className={selectClassName}>
                    {disputeCategories.map((c) => (
                      <option key={c} value={c}>
                        {disputeCategoryLabels[c]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="amount" label="Montant en litige (€)">
                {(p) => <Input {...p} inputMode="decimal" defaultValue={dispute.amount?.replace(".", ",") ?? ""} />}
              </Field>
              <Field name="ownerId" label="Responsable">
                {(p) => (
                  <select {...p} defaultValue={dispute.ownerId ?? ""} className={selectClassName}>
                    <option value="">Non attribué</option>
                    {owners.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="targetDate" label="Date cible">
                {(p) => <Input {...p} type="date" defaultValue={dispute.targetDate ?? ""} />}
              </Field>
            </>
          )}
        </div>
        <Field name="resolutionNote" label="Note de résolution">
          {(p) => <Textarea {...p} rows={3} defaultValue={dispute.resolutionNote ?? ""} maxLength={1000} />}
        </Field>
      </FieldErrorsContext>
      <div className="flex items-center justify-end gap-3">
        {state && (
          <span role="status" className={state.ok ? "text-sm text-success" : "text-sm text-destructive"}>
            {state.ok ? state.message : state.error}
          </span>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer"}
        </Button>
      </div>
    </form>
  );
}
