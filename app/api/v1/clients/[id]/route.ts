import { clientPatchBody } from "@/lib/api/contract/clients";
import { getApiClient, patchApiClient } from "@/lib/api/resources/clients";
import { apiRoute, idParams } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", params: idParams }, async ({ db, scope, params }) => ({
  body: await getApiClient(db, scope, params.id),
}));

export const PATCH = apiRoute({ permission: "clients.edit", write: true, params: idParams, body: clientPatchBody }, async ({ db, scope, params, body }) => ({
  body: await patchApiClient(db, scope, params.id, body),
}));
