import { getApiPromise } from "@/lib/api/resources/promises";
import { apiRoute, idParams } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", params: idParams }, async ({ db, scope, params }) => ({
  body: await getApiPromise(db, scope, params.id),
}));
