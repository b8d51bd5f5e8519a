"use client";

import { completeTaskAction } from "@/app/(app)/taches/actions";
import { Field, selectClassName } from "@/components/forms/field";
import { InlineActionForm } from "@/components/relance/agenda/inline-action-form";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { taskOutcomeLabels, taskOutcomes } from "@/lib/tasks/labels";
import { TaskDialog } from "./task-dialog";

/** « Terminer » a task: its result and a note for whoever asked for it. */
export function CompleteTaskDialog({ taskId, summary }: { taskId: string; summary: string }) {
  return (
    <TaskDialog
      title="Terminer la tâche"
      description={summary}
      trigger={
        <Button size="sm" variant="outline">
          Terminer
        </Button>
      }
    >
      {(close) => (
        <InlineActionForm action={completeTaskAction} onDone={close} label="Terminer la tâche" className="space-y-4">
          {(pending) => (
            <>
              <input type="hidden" name="taskId" value={taskId} />
              <Field name="outcome" label="Résultat">
                {(props) => (
                  <select className={selectClassName} defaultValue="fait" {...props}>
                    {taskOutcomes.map((o) => (
                      <option key={o} value={o}>
                        {taskOutcomeLabels[o]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="note" label="Note">
                {(props) => <Textarea rows={3} placeholder="Ce qui a été obtenu ou convenu…" {...props} />}
              </Field>
              <div className="flex justify-end">
                <Button type="submit" disabled={pending}>
                  Enregistrer
                </Button>
              </div>
            </>
          )}
        </InlineActionForm>
      )}
    </TaskDialog>
  );
}
