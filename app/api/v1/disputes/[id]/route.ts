import { disputePatchBody } from "@/lib/api/contract/disputes";
import { getApiDispute, patchApiDispute } from "@/lib/api/resources/disputes";
import { apiRoute, idParams } from "@/lib/api/route";

export const GET = apiRoute({ permission: "disputes.read", params: idParams }, async ({ db, scope, params, today }) => ({
  body: await getApiDispute(db, scope, params.id, today),
}));

// Reading a case is enough to be its owner: the case's rules decide what each may change.
export const PATCH = apiRoute({ permission: "disputes.read", write: true, params: idParams, body: disputePatchBody }, async ({ db, scope, params, body, today }) => ({
  body: await patchApiDispute(db, scope, params.id, body, today),
}));
