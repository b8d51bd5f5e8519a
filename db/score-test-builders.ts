import { gradeOf } from "@/lib/scoring/grades";
import type { Queryable } from "./client";
import { clientScoreHistory, clientScores, documentScores, scoreModels } from "./schema";

/**
 * Scores written the way the nightly scoring writes them, for integration tests of what reads them: one model,
 * then per-client and per-pièce scores under it.
 */
export async function makeScoreModel(db: Queryable, trainedTo: string) {
  const [row] = await db.insert(scoreModels).values({ kind: "logistic", graceDays: 0, features: [], trainedOn: 0, trainedTo, active: true }).returning();
  return row;
}


export async function makeClientScore(
  db: Queryable,
  modelId: string,
  clientId: string,
  values: { pLate: number; scoredOn: string } & Partial<typeof clientScores.$inferInsert>,
) {
  const [row] = await db
    .insert(clientScores)
    .values({ modelId, clientId, grade: gradeOf(values.pLate), method: "model", ...values })
    .returning();
  await db.insert(clientScoreHistory).values({ clientId, scoredOn: values.scoredOn, grade: row.grade, pLate: values.pLate });
  return row;
}

export async function makeDocumentScore(db: Queryable, modelId: string, documentId: number, values: { pLate: number; scoredOn: string; expectedPaymentDate?: string }) {
  const { expectedPaymentDate = values.scoredOn, ...rest } = values;
  await db.insert(documentScores).values({ modelId, documentId, expectedPaymentDate, ...rest });
}
