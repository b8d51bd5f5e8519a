"use client";

import { useState } from "react";
import { completeActionAction } from "@/app/(app)/relance/(agenda)/actions";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { type ActionOutcome, actionOutcomeLabels, actionOutcomes } from "@/lib/collection/labels";
import { formatMoney } from "@/lib/format/fr";
import { type FormAction, InlineActionForm } from "./inline-action-form";

type CoveredDocument = { id: number; number: string; openAmount: string };

/** With `allChecked`, every document owed starts ticked; credit notes and unapplied payments do not. */
function DocumentChoice({ label, documents, allChecked }: { label: string; documents: CoveredDocument[]; allChecked: boolean }) {
  return (
    <Field name="documentIds[]" label={label}>
      {({ id, ...rest }) => (
        <div id={id} role="group" aria-label={label} className="max-h-48 space-y-1 overflow-y-auto" aria-describedby={rest["aria-describedby"]}>
          {documents.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="documentIds[]" value={d.id} defaultChecked={(allChecked && Number(d.openAmount) > 0) || documents.length === 1} className="accent-primary" />
              <span className="font-mono">{d.number}</span>
              <span className="text-muted-foreground">{formatMoney(d.openAmount)}</span>
            </label>
          ))}
        </div>
      )}
    </Field>
  );
}

/**
 * Logs the result of a manual action; a promise or a dispute asks for what was agreed. From the fiche client the
 * same form logs a call nobody planned: another `action`, its own hidden fields, and the promise's documents to choose.
 */
export function OutcomeForm({
  actionId,
  documents,
  promiseAmount,
  minDate,
  closeHref,
  action = completeActionAction,
  hiddenFields = {},
  choosePromiseDocuments = false,
  onDone,
}: {
  actionId?: string;
  documents: CoveredDocument[];
  promiseAmount: string;
  minDate: string;
  closeHref?: string;
  action?: FormAction;
  hiddenFields?: Record<string, string>;
  choosePromiseDocuments?: boolean;
  onDone?: () => void;
}) {
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  return (
    <InlineActionForm action={action} doneHref={closeHref} onDone={onDone} label="Résultat de l'action" className="space-y-4">
      {(pending) => (
        <>
          {actionId && <input type="hidden" name="actionId" value={actionId} />}
          {Object.entries(hiddenFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <fieldset className="space-y-2">
            <legend className="mb-2 text-sm font-medium">Résultat</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {actionOutcomes.map((value) => (
                <label
                  key={value}
                  className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
                >
                  <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} className="accent-primary" />
                  {actionOutcomeLabels[value]}
                </label>
              ))}
            </div>
          </fieldset>
          {outcome === "promise" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field name="promiseDate" label="Date promise">
                {(props) => <Input type="date" min={minDate} {...props} />}
              </Field>
              <Field name="promiseAmount" label="Montant promis (€)">
                {(props) => <Input inputMode="decimal" defaultValue={promiseAmount.replace(".", ",")} {...props} />}
              </Field>
              {choosePromiseDocuments && (
                <div className="sm:col-span-2">
                  <DocumentChoice label="Pièces concernées par la promesse" documents={documents} allChecked />
                </div>
              )}
            </div>
          )}
          {outcome === "dispute" && (
            <div className="space-y-3">
              <Field name="disputeReason" label="Motif du litige">
                {(props) => <Input placeholder="ex. Livraison incomplète" {...props} />}
              </Field>
              <DocumentChoice label="Pièces en litige" documents={documents} allChecked={false} />
            </div>
          )}
          <Field name="note" label="Note">
            {(props) => <Textarea rows={3} placeholder="Ce que le client a dit, la suite prévue…" {...props} />}
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending || !outcome}>
              {pending ? "Enregistrement…" : "Enregistrer le résultat"}
            </Button>
          </div>
        </>
      )}
    </InlineActionForm>
  );
}
