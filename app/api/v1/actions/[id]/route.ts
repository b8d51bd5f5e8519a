import { getApiAction } from "@/lib/api/resources/actions";
import { apiRoute, idParams } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", params: idParams }, async ({ db, scope, params }) => ({
  body: await getApiAction(db, scope, params.id),
}));
