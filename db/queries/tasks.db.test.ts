import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { notifications, taskDocuments, tasks } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { loadScope } from "./scope";
import { completeTask, createTask, listClientOpenTasks, listMyTasks, listTaskAssignees } from "./tasks";

let handle: DatabaseHandle;
const TODAY = "2026-11-23";
let collector: Scope, otherCollector: Scope, sales: Scope, otherSales: Scope, supervisor: Scope;
let clientId: string, othersClientId: string, documentIds: number[], foreignDocumentId: number;
let salesRepId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const scope = async (role: Parameters<typeof makeUser>[1], name: string) =>
    (await loadScope(db, (await makeUser(db, role, { name })).id, TODAY))!;
  collector = await scope("collector", "Camille Recouvrement");
  otherCollector = await scope("collector", "Dominique Recouvrement");
  sales = await scope("sales", "Sacha Commercial");
  otherSales = await scope("sales", "Alex Commercial");
  supervisor = await scope("supervisor", "Claude Superviseur");
  salesRepId = sales.userId;
  const client = await makeClient(db, entity.id, { name: "Boulangerie Martin", collectorId: collector.userId, salesRepId });
  const others = await makeClient(db, entity.id, { collectorId: otherCollector.userId });
  clientId = client.id;
  othersClientId = others.id;
  const dates = { issueDate: "2026-09-01", dueDate: "2026-10-01" };
  documentIds = [
    (await makeDocument(db, clientId, { amount: "120.00", number: "F-100", ...dates })).id,
    (await makeDocument(db, clientId, { amount: "80.00", number: "F-101", ...dates })).id,
  ];
  foreignDocumentId = (await makeDocument(db, othersClientId, { amount: "50.00", ...dates })).id;
});
afterAll(() => handle.close());

const notificationsOf = (userId: string) =>
  handle.db.select({ kind: notifications.kind, title: notifications.title, subjectId: notifications.subjectId }).from(notifications).where(eq(notifications.userId, userId));

describe("tasks", () => {
  it("proposes the client's sales rep first among the active users", async () => {
    const people = await listTaskAssignees(handle.db, salesRepId);
    expect(people[0].id).toBe(salesRepId);
    expect(people).toHaveLength(5);
  });

  it("creates a task on a client of the scope with its pièces and tells the assignee", async () => {
    const created = await createTask(handle.db, collector, {
      clientId,
      kind: "obtenir_justificatif",
      dueDate: "2026-11-20",
      assigneeId: sales.userId,
      description: "Bon de livraison signé",
      documentIds,
    });
    if (!("id" in created)) throw new Error(created.error);
    expect(await handle.db.select().from(taskDocuments).where(eq(taskDocuments.taskId, created.id))).toHaveLength(2);
    expect(await notificationsOf(sales.userId)).toEqual([
      { kind: "task.assigned", title: "Tâche : Obtenir un justificatif — Boulangerie Martin", subjectId: created.id },
    ]);
    const [mine] = await listMyTasks(handle.db, sales, TODAY);
    expect(mine).toMatchObject({ id: created.id, overdue: true, documentNumbers: ["F-100", "F-101"], createdByName: "Camille Recouvrement" });
    expect((await listClientOpenTasks(handle.db, collector, clientId, TODAY)).map((t) => t.id)).toEqual([created.id]);
    expect(await listClientOpenTasks(handle.db, otherCollector, clientId, TODAY)).toEqual([]);
  });

  it("refuses a client out of scope, a pièce of another client and an inactive assignee, writing nothing", async () => {
    const before = (await handle.db.select().from(tasks)).length;
    const base = { kind: "appeler" as const, dueDate: TODAY, assigneeId: sales.userId, documentIds: [] };
    expect(await createTask(handle.db, collector, { ...base, clientId: othersClientId })).toEqual({ error: "client" });
    expect(await createTask(handle.db, collector, { ...base, clientId, documentIds: [documentIds[0], foreignDocumentId] })).toEqual({ error: "documents" });
    const gone = await makeUser(handle.db, "sales", { active: false });
    expect(await createTask(handle.db, collector, { ...base, clientId, assigneeId: gone.id })).toEqual({ error: "assignee" });
    expect((await handle.db.select().from(tasks)).length).toBe(before);
  });

  it("lets the assignee close their own task, not another sales rep, and tells the one who asked", async () => {
    const created = await createTask(handle.db, collector, { clientId, kind: "appeler", dueDate: "2026-11-30", assigneeId: sales.userId, documentIds: [] });
    if (!("id" in created)) throw new Error(created.error);
    expect(await completeTask(handle.db, otherSales, { taskId: created.id, outcome: "fait" })).toEqual({ error: "task" });
    expect(await completeTask(handle.db, otherCollector, { taskId: created.id, outcome: "fait" })).toEqual({ error: "task" });
    expect(await completeTask(handle.db, sales, { taskId: created.id, outcome: "reporte", note: "Rappeler lundi" })).toEqual({ id: created.id });
    expect(await completeTask(handle.db, sales, { taskId: created.id, outcome: "fait" })).toEqual({ error: "task" });
    const [row] = await handle.db.select().from(tasks).where(eq(tasks.id, created.id));
    expect(row).toMatchObject({ status: "done", outcome: "reporte", note: "Rappeler lundi" });
    expect(await notificationsOf(collector.userId)).toEqual([
      { kind: "task.done", title: "Tâche terminée (reporté) : Appeler le client — Boulangerie Martin", subjectId: created.id },
    ]);
    // Open first (by due date), then done.
    expect((await listMyTasks(handle.db, sales, TODAY)).map((t) => [t.status, t.overdue])).toEqual([
      ["open", true],
      ["done", false],
    ]);
  });

  it("lets a supervisor close any task of their scope", async () => {
    const created = await createTask(handle.db, collector, { clientId, kind: "relancer", dueDate: TODAY, assigneeId: otherSales.userId, documentIds: [] });
    if (!("id" in created)) throw new Error(created.error);
    expect(await completeTask(handle.db, supervisor, { taskId: created.id, outcome: "sans_suite" })).toEqual({ id: created.id });
  });
});
