"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { completeTask, createTask, type TaskWriteError } from "@/db/queries/tasks";
import { authedAction } from "@/lib/auth/action";
import { isoDatePattern } from "@/lib/dates";
import { taskKinds, taskOutcomes } from "@/lib/tasks/labels";

const refusals: Record<TaskWriteError, string> = {
  client: "Client introuvable.",
  assignee: "Cette personne n'est plus active : choisissez quelqu'un d'autre.",
  documents: "Une des pièces choisies n'appartient pas à ce client.",
  task: "Tâche introuvable ou déjà terminée.",
};

const newTask = z.object({
  clientId: z.uuid(),
  kind: z.enum(taskKinds, { error: "Choisissez le type de tâche." }),
  dueDate: z.string().regex(isoDatePattern, "Indiquez une échéance."),
  assigneeId: z.uuid({ error: "Choisissez la personne." }),
  description: z.string().trim().max(2000, "2 000 caractères au plus.").optional(),
  documentIds: z.array(z.coerce.number().int().positive()).default([]),
});

export const createTaskAction = authedAction("tasks.assign", newTask, async (input, { db, scope }) => {
  const created = await db.transaction((tx) => createTask(tx, scope, input));
  if ("error" in created) return { ok: false, error: refusals[created.error] };
  revalidatePath(`/clients/${input.clientId}`);
  revalidatePath("/taches");
  return { ok: true, data: undefined, message: "Tâche assignée." };
});

const doneTask = z.object({
  taskId: z.uuid(),
  outcome: z.enum(taskOutcomes, { error: "Choisissez le résultat." }),
  note: z.string().trim().max(2000, "2 000 caractères au plus.").optional(),
});

export const completeTaskAction = authedAction("tasks.work", doneTask, async (input, { db, scope }) => {
  const done = await db.transaction((tx) => completeTask(tx, scope, input));
  if ("error" in done) return { ok: false, error: refusals[done.error] };
  revalidatePath("/taches");
  revalidatePath("/clients/[id]", "page");
  return { ok: true, data: undefined, message: "Tâche terminée." };
});
