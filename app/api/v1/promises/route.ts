import { promiseCreateBody, promiseListQuery } from "@/lib/api/contract/promises";
import { createApiPromise, listApiPromises } from "@/lib/api/resources/promises";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", query: promiseListQuery }, async ({ db, scope, query }) => ({
  body: await listApiPromises(db, scope, query),
}));

export const POST = apiRoute({ permission: "relance.work", write: true, body: promiseCreateBody }, async ({ db, scope, body, today }) => ({
  status: 201,
  body: await createApiPromise(db, scope, body, today),
}));
