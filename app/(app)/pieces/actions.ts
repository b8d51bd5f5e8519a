"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { closeDisputes, openDisputes } from "@/db/queries/disputes";
import { authedAction } from "@/lib/auth/action";

// No box ticked sends no field at all.
const documentIds = z.preprocess((v) => v ?? [], z.array(z.coerce.number().int().positive()).min(1, "Sélectionnez au moins une pièce.").max(500));

export const flagDisputesAction = authedAction(
  "relance.work",
  z.object({
    documentIds,
    reason: z.string().trim().min(3, "Indiquez le motif du litige.").max(200),
  }),
  async ({ documentIds, reason }, { db, scope }) => {
    const flagged = await db.transaction(async (tx) => {
      const count = await openDisputes(tx, scope, documentIds, reason);
      await recordAudit(tx, { userId: scope.userId, action: "dispute.open", targetType: "document", details: { documentIds, reason, flagged: count } });
      return count;
    });
    revalidatePath("/pieces");
    return { ok: true, data: undefined, message: `${flagged} pièce${flagged > 1 ? "s mises" : " mise"} en litige.` };
  },
);

export const closeDisputesAction = authedAction("relance.work", z.object({ documentIds }), async ({ documentIds }, { db, scope }) => {
  const closed = await db.transaction(async (tx) => {
    const count = await closeDisputes(tx, scope, documentIds);
    await recordAudit(tx, { userId: scope.userId, action: "dispute.close", targetType: "document", details: { documentIds, closed: count } });
    return count;
  });
  revalidatePath("/pieces");
  return { ok: true, data: undefined, message: `Litige levé sur ${closed} pièce${closed > 1 ? "s" : ""}.` };
});
