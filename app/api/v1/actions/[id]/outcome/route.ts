import { actionOutcomeBody } from "@/lib/api/contract/actions";
import { recordApiActionOutcome } from "@/lib/api/resources/actions";
import { apiRoute, idParams } from "@/lib/api/route";

export const POST = apiRoute({ permission: "relance.work", write: true, params: idParams, body: actionOutcomeBody }, async ({ db, scope, params, body }) => ({
  body: await recordApiActionOutcome(db, scope, params.id, body),
}));
