"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { getOption, setOption } from "@/db/queries/settings";
import { authedAction } from "@/lib/auth/action";
import { addDays, monthStart, today } from "@/lib/dates";
import { formatInteger } from "@/lib/format/fr";
import { recordBacktest } from "@/lib/scoring/backtest";

const path = "/parametrage/scoring";

const graceInput = z.object({
  graceDays: z.coerce
    .number({ message: "Saisissez un nombre de jours." })
    .int("Saisissez un nombre entier de jours.")
    .min(0, "Entre 0 et 60 jours.")
    .max(60, "Entre 0 et 60 jours."),
});

export const saveScoringAction = authedAction("scoring.manage", graceInput, async ({ graceDays }, { db, scope }) => {
  await db.transaction(async (tx) => {
    const before = await getOption(tx, "scoring");
    await setOption(tx, "scoring", { ...before, graceDays });
    await recordAudit(tx, {
      userId: scope.userId,
      action: "settings.scoring",
      targetType: "settings",
      targetId: "scoring",
      details: { changes: { graceDays: { from: before.graceDays, to: graceDays } } },
    });
  });
  revalidatePath(path);
  return { ok: true, data: undefined, message: "Délai de grâce enregistré : il s'applique au prochain apprentissage et au prochain backtest." };
});

/** The twelve whole months before the current one. */
export const runBacktestAction = authedAction("scoring.manage", z.object({}), async (_input, { db, scope }) => {
  const day = today();
  const { report } = await recordBacktest(db, { from: monthStart(day, 12), to: addDays(monthStart(day), -1), today: day, userId: scope.userId });
  revalidatePath(path);
  return { ok: true, data: undefined, message: `Backtest terminé : ${formatInteger(report.overall.model.invoices)} factures sur 12 mois.` };
});
