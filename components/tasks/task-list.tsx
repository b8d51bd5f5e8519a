import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TaskRow } from "@/db/queries/tasks";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { type TaskOutcome, taskKindLabels, taskOutcomeLabels } from "@/lib/tasks/labels";
import { cn } from "@/lib/utils";
import { CompleteTaskDialog } from "./complete-task-dialog";

/**
 * Tasks as cards stacked on a phone, as rows from `sm` up. `canComplete` gives the open ones « Terminer »;
 * `showClient` is false on the fiche, where the client is obvious.
 */
export function TaskList({
  tasks,
  canComplete,
  showClient = true,
  person,
}: {
  tasks: TaskRow[];
  canComplete: boolean;
  showClient?: boolean;
  /** Whose name to show: who asked for the task, or who must do it. */
  person: "createdBy" | "assignee";
}) {
  return (
    <ul className="divide-y rounded-lg border bg-card">
      {tasks.map((task) => {
        const kind = taskKindLabels[task.kind];
        const name = person === "createdBy" ? task.createdByName && `Demandée par ${task.createdByName}` : `Assignée à ${task.assigneeName}`;
        return (
          <li key={task.id} className="flex flex-col gap-2 p-4 sm:grid sm:grid-cols-[8rem_minmax(0,1fr)_auto] sm:items-start sm:gap-4">
            <div className="text-sm">
              {task.status === "open" ? (
                <span className={cn("font-medium", task.overdue && "text-destructive")}>
                  {task.overdue ? "En retard : " : "Pour le "}
                  {formatDate(task.dueDate)}
                </span>
              ) : (
                <Badge variant="secondary">{taskOutcomeLabels[task.outcome as TaskOutcome] ?? task.outcome}</Badge>
              )}
            </div>
            <div className="min-w-0 space-y-1">
              <p className="font-medium">
                {kind}
                {showClient && (
                  <>
                    {" — "}
                    <Link href={`/clients/${task.clientId}`} className="underline-offset-4 hover:underline">
                      {task.clientName}
                    </Link>
                  </>
                )}
              </p>
              {task.description && <p className="whitespace-pre-line text-sm">{task.description}</p>}
              {task.documentNumbers.length > 0 && (
                <p className="text-xs text-muted-foreground">
                  Pièces : <span className="font-mono">{task.documentNumbers.join(", ")}</span>
                </p>
              )}
              <p className="text-xs text-muted-foreground">
                {name}
                {task.doneAt && ` · terminée le ${formatDateTime(task.doneAt)}`}
              </p>
              {task.note && <p className="text-sm text-muted-foreground">Note : {task.note}</p>}
            </div>
            {task.status === "open" && canComplete && <CompleteTaskDialog taskId={task.id} summary={`${kind} — ${task.clientName}`} />}
          </li>
        );
      })}
    </ul>
  );
}
