"use client";

import { ListPlus } from "lucide-react";
import { createTaskAction } from "@/app/(app)/taches/actions";
import { Field, selectClassName } from "@/components/forms/field";
import { InlineActionForm } from "@/components/relance/agenda/inline-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { type Role, roleLabels } from "@/lib/auth/roles";
import { formatMoney } from "@/lib/format/fr";
import { taskKindLabels, taskKinds } from "@/lib/tasks/labels";
import { TaskDialog } from "./task-dialog";

type Person = { id: string; name: string; role: Role };
type Piece = { id: number; number: string; openAmount: string };

/** « Assigner une tâche » on the fiche client: the client's sales rep comes first and is proposed. */
export function AssignTaskDialog({
  clientId,
  people,
  salesRepId,
  documents,
  today,
}: {
  clientId: string;
  people: Person[];
  salesRepId: string | null;
  documents: Piece[];
  today: string;
}) {
  return (
    <TaskDialog
      title="Assigner une tâche"
      description="Demandez à un collègue d'appeler, de relancer ou d'obtenir un justificatif ; il en est averti."
      trigger={
        <Button variant="outline" size="sm">
          <ListPlus aria-hidden="true" /> Assigner une tâche
        </Button>
      }
    >
      {(close) => (
        <InlineActionForm action={createTaskAction} onDone={close} label="Assigner une tâche" className="space-y-4">
          {(pending) => (
            <>
              <input type="hidden" name="clientId" value={clientId} />
              <div className="grid gap-4 sm:grid-cols-2">
                <Field name="kind" label="Type">
                  {(props) => (
                    <select className={selectClassName} defaultValue="appeler" {...props}>
                      {taskKinds.map((k) => (
                        <option key={k} value={k}>
                          {taskKindLabels[k]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field name="dueDate" label="Échéance">
                  {(props) => <Input type="date" min={today} defaultValue={today} required {...props} />}
                </Field>
              </div>
              <Field name="assigneeId" label="Assignée à">
                {(props) => (
                  <select className={selectClassName} defaultValue={salesRepId ?? ""} required {...props}>
                    <option value="" disabled>
                      Choisir une personne
                    </option>
                    {people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} — {p.id === salesRepId ? "commercial du client" : roleLabels[p.role].toLowerCase()}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {documents.length > 0 && (
                <fieldset className="space-y-1.5">
                  <legend className="text-sm font-medium">Pièces concernées</legend>
                  <div className="max-h-40 space-y-1 overflow-y-auto">
                    {documents.map((d) => (
                      <label key={d.id} className="flex items-center gap-2 text-sm">
                        <input type="checkbox" name="documentIds[]" value={d.id} className="accent-primary" />
                        <span className="font-mono">{d.number}</span>
                        <span className="text-muted-foreground">{formatMoney(d.openAmount)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              <Field name="description" label="Description">
                {(props) => <Textarea rows={3} placeholder="Ce qu'il faut obtenir, le contexte…" {...props} />}
              </Field>
              <div className="flex justify-end">
                <Button type="submit" disabled={pending}>
                  Assigner
                </Button>
              </div>
            </>
          )}
        </InlineActionForm>
      )}
    </TaskDialog>
  );
}
