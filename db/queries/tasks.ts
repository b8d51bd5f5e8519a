import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { can } from "@/lib/auth/permissions";
import { type TaskKind, type TaskOutcome, taskKindLabels, taskOutcomeLabels } from "@/lib/tasks/labels";
import type { Queryable } from "../client";
import { clients, documents, taskDocuments, tasks, users } from "../schema";
import { notify } from "./notifications";
import { clientInScope } from "./scope";

export type NewTask = {
  clientId: string;
  kind: TaskKind;
  dueDate: string;
  assigneeId: string;
  description?: string;
  documentIds: number[];
};

export type TaskWriteError = "client" | "assignee" | "documents" | "task";

/**
 * Creates a task on a client of `scope`, optionally about some of its pièces, and tells the assignee.
 * A client out of scope, an inactive assignee or a pièce of another client is refused, nothing written.
 */
export async function createTask(db: Queryable, scope: Scope, input: NewTask): Promise<{ id: string } | { error: TaskWriteError }> {
  const [client] = await db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(eq(clients.id, input.clientId), clientInScope(scope)));
  if (!client) return { error: "client" };
  const [assignee] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, input.assigneeId), eq(users.active, true)));
  if (!assignee) return { error: "assignee" };
  const ids = [...new Set(input.documentIds)];
  if (ids.length) {
    const owned = await db
      .select({ id: documents.id })
      .from(documents)
      .where(and(inArray(documents.id, ids), eq(documents.clientId, client.id)));
    if (owned.length !== ids.length) return { error: "documents" };
  }
  const [task] = await db
    .insert(tasks)
    .values({
      clientId: client.id,
      kind: input.kind,
      dueDate: input.dueDate,
      assigneeId: assignee.id,
      description: input.description || null,
      createdById: scope.userId,
    })
    .returning({ id: tasks.id });
  if (ids.length) await db.insert(taskDocuments).values(ids.map((documentId) => ({ taskId: task.id, documentId })));
  if (assignee.id !== scope.userId) {
    await notify(db, {
      userId: assignee.id,
      kind: "task.assigned",
      title: `Tâche : ${taskKindLabels[input.kind]} — ${client.name}`,
      body: input.description || undefined,
      link: "/taches",
      subjectId: task.id,
    });
  }
  return { id: task.id };
}

/**
 * Closes an open task with its outcome and tells whoever asked for it. The assignee may always close their task;
 * someone who works the collection may close any task on a client of their scope; nobody else.
 */
export async function completeTask(
  db: Queryable,
  scope: Scope,
  input: { taskId: string; outcome: TaskOutcome; note?: string },
): Promise<{ id: string } | { error: TaskWriteError }> {
  const [task] = await db
    .select({ id: tasks.id, assigneeId: tasks.assigneeId, createdById: tasks.createdById, kind: tasks.kind, clientName: clients.name })
    .from(tasks)
    .innerJoin(clients, eq(clients.id, tasks.clientId))
    .where(
      and(
        eq(tasks.id, input.taskId),
        eq(tasks.status, "open"),
        can(scope.role, "tasks.assign") ? sql`(${tasks.assigneeId} = ${scope.userId} or ${clientInScope(scope)})` : eq(tasks.assigneeId, scope.userId),
      ),
    );
  if (!task) return { error: "task" };
  const [done] = await db
    .update(tasks)
    .set({ status: "done", outcome: input.outcome, note: input.note || null, doneAt: new Date() })
    .where(and(eq(tasks.id, task.id), eq(tasks.status, "open")))
    .returning({ id: tasks.id });
  if (!done) return { error: "task" };
  if (task.createdById && task.createdById !== scope.userId) {
    await notify(db, {
      userId: task.createdById,
      kind: "task.done",
      title: `Tâche terminée (${taskOutcomeLabels[input.outcome].toLowerCase()}) : ${taskKindLabels[task.kind]} — ${task.clientName}`,
      body: input.note || undefined,
      link: "/taches?vue=assignees",
      subjectId: task.id,
    });
  }
  return { id: task.id };
}

const taskColumns = {
  id: tasks.id,
  kind: tasks.kind,
  description: tasks.description,
  dueDate: tasks.dueDate,
  status: tasks.status,
  outcome: tasks.outcome,
  note: tasks.note,
  doneAt: tasks.doneAt,
  clientId: tasks.clientId,
  clientName: clients.name,
  assigneeName: sql<string>`(select name from users where users.id = ${tasks.assigneeId})`,
  createdByName: sql<string | null>`(select name from users where users.id = ${tasks.createdById})`,
  documentNumbers: sql<string[]>`coalesce((select array_agg(d.number order by d.number) from task_documents td join documents d on d.id = td.document_id where td.task_id = ${tasks.id}), '{}')`,
};

export type TaskRow = Awaited<ReturnType<typeof listMyTasks>>[number];

/**
 * « Mes tâches »: the open ones by due date, then the last `doneLimit` finished ones. Tasks given by the user to
 * others with `given`. `overdue` is worked out against `today`.
 */
export async function listMyTasks(db: Queryable, scope: Scope, today: string, options: { given?: boolean; doneLimit?: number } = {}) {
  const mine = options.given ? eq(tasks.createdById, scope.userId) : eq(tasks.assigneeId, scope.userId);
  const [open, done] = await Promise.all([
    db.select(taskColumns).from(tasks).innerJoin(clients, eq(clients.id, tasks.clientId)).where(and(mine, eq(tasks.status, "open"))).orderBy(asc(tasks.dueDate), asc(tasks.createdAt)),
    db
      .select(taskColumns)
      .from(tasks)
      .innerJoin(clients, eq(clients.id, tasks.clientId))
      .where(and(mine, eq(tasks.status, "done")))
      .orderBy(desc(tasks.doneAt))
      .limit(options.doneLimit ?? 20),
  ]);
  return [...open, ...done].map((t) => ({ ...t, overdue: t.status === "open" && t.dueDate < today }));
}

/** The open tasks on one client of the scope, by due date. */
export async function listClientOpenTasks(db: Queryable, scope: Scope, clientId: string, today: string) {
  const rows = await db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(clients, eq(clients.id, tasks.clientId))
    .where(and(eq(tasks.clientId, clientId), eq(tasks.status, "open"), clientInScope(scope)))
    .orderBy(asc(tasks.dueDate));
  return rows.map((t) => ({ ...t, overdue: t.dueDate < today }));
}

/** Who a task may go to: every active user, the client's sales rep first. */
export async function listTaskAssignees(db: Queryable, salesRepId: string | null) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(sql`${users.id} = ${salesRepId} desc nulls last`, asc(users.name));
}
