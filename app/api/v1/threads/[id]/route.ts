import { getApiThread } from "@/lib/api/resources/threads";
import { apiRoute, idParams } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", params: idParams }, async ({ db, scope, params }) => ({
  body: await getApiThread(db, scope, params.id),
}));
