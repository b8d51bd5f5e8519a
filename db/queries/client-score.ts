/** A client's score for its fiche: the letter, probability, method and reasons, and the probability over 90 days. */
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clientScoreHistory, clientScores, clients, scoreModels } from "../schema";
import { clientInScope } from "./scope";

export const scoreHistoryDays = 90;

export type ClientScoreCard = {
  grade: "A" | "B" | "C" | "D" | "E";
  pLate: number;
  expectedLateAmount: string;
  reasons: { code: string; text: string; weight: number }[];
  method: "model" | "rules";
  /** `rules` when the whole company's history was too short for a model, not only this client's. */
  modelKind: "logistic" | "rules";
  scoredOn: string;
  history: { scoredOn: string; pLate: number }[];
};

/** Null when the client is not scored yet or lies outside the scope. */
export async function getClientScore(db: Queryable, scope: Scope, clientId: string, today: string): Promise<ClientScoreCard | null> {
  const [row] = await db
    .select({
      grade: clientScores.grade,
      pLate: clientScores.pLate,
      expectedLateAmount: clientScores.expectedLateAmount,
      reasons: clientScores.reasons,
      method: clientScores.method,
      modelKind: scoreModels.kind,
      scoredOn: clientScores.scoredOn,
    })
    .from(clientScores)
    .innerJoin(clients, eq(clients.id, clientScores.clientId))
    .innerJoin(scoreModels, eq(scoreModels.id, clientScores.modelId))
    .where(and(eq(clientScores.clientId, clientId), clientInScope(scope)));
  if (!row) return null;
  const history = await db
    .select({ scoredOn: clientScoreHistory.scoredOn, pLate: clientScoreHistory.pLate })
    .from(clientScoreHistory)
    .where(and(eq(clientScoreHistory.clientId, clientId), gte(clientScoreHistory.scoredOn, sql`${today}::date - ${scoreHistoryDays}::int`)))
    .orderBy(asc(clientScoreHistory.scoredOn));
  return { ...row, history };
}
