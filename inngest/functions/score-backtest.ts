import { z } from "zod";
import { getDb } from "@/db/client";
import { isoDatePattern, today } from "@/lib/dates";
import { recordBacktest } from "@/lib/scoring/backtest";
import { defineJob } from "../define-job";

const isoDate = z.string().regex(isoDatePattern);
const eventData = z.object({
  from: isoDate,
  to: isoDate.optional(),
  /** Left out, the grace period of Paramétrage → Scoring applies. */
  graceDays: z.number().int().min(0).max(60).optional(),
  date: isoDate.optional(),
  userId: z.uuid().nullable().default(null),
});

/**
 * Backtest of the scoring over past months, stored in score_backtests. A job so that `npm run score:backtest`
 * runs inside the server when it holds the embedded database.
 */
export const scoreBacktestJob = defineJob({
  id: "score-backtest",
  name: "Backtest du scoring",
  event: "encaisse/score-backtest.requested",
  handler: async ({ event, step }) => {
    const { date, ...args } = eventData.parse(event.data);
    return step.run("backtest", async () => recordBacktest(await getDb(), { ...args, today: date ?? today() }));
  },
});
