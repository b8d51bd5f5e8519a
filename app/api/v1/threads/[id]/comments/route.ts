import { threadCommentCreateBody, threadCommentListQuery } from "@/lib/api/contract/threads";
import { createApiThreadComment, listApiThreadComments } from "@/lib/api/resources/threads";
import { apiRoute, idParams } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", params: idParams, query: threadCommentListQuery }, async ({ db, scope, params, query }) => ({
  body: await listApiThreadComments(db, scope, params.id, query),
}));

export const POST = apiRoute(
  { permission: "discussions.write", write: true, params: idParams, body: threadCommentCreateBody },
  async ({ db, scope, params, body }) => ({ status: 201, body: await createApiThreadComment(db, scope, params.id, body) }),
);
