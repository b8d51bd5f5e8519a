import type { Metadata } from "next";
import Link from "next/link";
import { TaskList } from "@/components/tasks/task-list";
import { EmptyState } from "@/components/ui/empty-state";
import { listMyTasks } from "@/db/queries/tasks";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Mes tâches" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope } = await requireUser("tasks.work");
  const canAssign = can(scope.role, "tasks.assign");
  const given = canAssign && (await searchParams).vue === "assignees";
  const date = today();
  const tasks = await listMyTasks(db, scope, date, { given });
  const open = tasks.filter((t) => t.status === "open");
  const overdue = open.filter((t) => t.overdue).length;
  const tabs = [
    { href: "/taches", label: "À faire par moi", current: !given },
    { href: "/taches?vue=assignees", label: "Confiées à d'autres", current: given },
  ];

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Mes tâches</h1>
        <p className="text-sm text-muted-foreground">
          {open.length === 0
            ? "Aucune tâche ouverte."
            : `${open.length} tâche${open.length > 1 ? "s" : ""} ouverte${open.length > 1 ? "s" : ""}` +
              (overdue ? `, dont ${overdue} en retard.` : ".")}
        </p>
      </div>
      {canAssign && (
        <nav aria-label="Vues des tâches" className="flex gap-1 border-b">
          {tabs.map((tab) => (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
                tab.current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
              )}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      )}
      {tasks.length === 0 ? (
        <EmptyState
          title={given ? "Vous n'avez confié aucune tâche." : "Aucune tâche pour vous."}
          description={given ? "Assignez une tâche depuis la fiche d'un client." : "Les tâches que l'on vous confie apparaissent ici."}
        />
      ) : (
        <TaskList tasks={tasks} person={given ? "assignee" : "createdBy"} canComplete />
      )}
    </div>
  );
}
