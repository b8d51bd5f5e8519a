import { actionCreateBody, actionListQuery } from "@/lib/api/contract/actions";
import { createApiAction, listApiActions } from "@/lib/api/resources/actions";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", query: actionListQuery }, async ({ db, scope, query }) => ({
  body: await listApiActions(db, scope, query),
}));

export const POST = apiRoute({ permission: "relance.work", write: true, body: actionCreateBody }, async ({ db, scope, body, today }) => ({
  status: 201,
  body: await createApiAction(db, scope, body, today),
}));
