"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { openDisputes } from "@/db/queries/disputes";
import { authedAction } from "@/lib/auth/action";

export const flagDisputesAction = authedAction(
  "relance.work",
  z.object({
    // No box ticked sends no field at all.
    documentIds: z.preprocess(
      (v) => v ?? [],
      z.array(z.coerce.number().int().positive()).min(1, "Sélectionnez au moins une pièce.").max(500),
    ),
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
