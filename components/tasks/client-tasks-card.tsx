import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { listClientOpenTasks, listTaskAssignees } from "@/db/queries/tasks";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { AssignTaskDialog } from "./assign-task-dialog";
import { TaskList } from "./task-list";

/** The fiche client's open tasks and, for those who work the collection, « Assigner une tâche ». */
export async function ClientTasksCard({
  clientId,
  salesRepId,
  documents,
  today,
}: {
  clientId: string;
  salesRepId: string | null;
  documents: { id: number; number: string; openAmount: string }[];
  today: string;
}) {
  const { db, scope } = await requireUser("clients.read");
  const canAssign = can(scope.role, "tasks.assign");
  const [tasks, people] = await Promise.all([
    listClientOpenTasks(db, scope, clientId, today),
    canAssign ? listTaskAssignees(db, salesRepId) : Promise.resolve([]),
  ]);
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2 space-y-0">
        <CardTitle className="text-base">Tâches ouvertes</CardTitle>
        {canAssign && <AssignTaskDialog clientId={clientId} people={people} salesRepId={salesRepId} documents={documents} today={today} />}
      </CardHeader>
      <CardContent>
        {tasks.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucune tâche ouverte sur ce client.</p>
        ) : (
          <TaskList tasks={tasks} person="assignee" showClient={false} canComplete={canAssign} />
        )}
      </CardContent>
    </Card>
  );
}
