"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { getOption, setOption } from "@/db/queries/settings";
import { authedAction } from "@/lib/auth/action";
import { type PriorityFactor, priorityFactors, priorityWeight } from "@/lib/relance/worklist-priority";

/** A weight typed the French way (« 0,5 »). */
const frenchNumber = z.preprocess((v) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".") : v), z.coerce.number({ message: "Indiquez un nombre." }));
const input = z.object(Object.fromEntries(priorityFactors.map(({ key }) => [key, frenchNumber.pipe(priorityWeight)])) as Record<PriorityFactor, z.ZodPipe<typeof frenchNumber, typeof priorityWeight>>);

export const savePriorityWeightsAction = authedAction("relance.configure", input, async (values, { db, scope }) => {
  await db.transaction(async (tx) => {
    const before = await getOption(tx, "worklistPriority");
    await setOption(tx, "worklistPriority", values);
    await recordAudit(tx, { userId: scope.userId, action: "settings.worklist_priority", targetType: "settings", targetId: "worklistPriority", details: { from: before, to: values } });
  });
  revalidatePath("/relance", "layout");
  return { ok: true, data: undefined, message: "Pondération enregistrée : l'agenda est trié selon ces poids." };
});
