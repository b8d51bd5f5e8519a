import { threadCreateBody, threadListQuery } from "@/lib/api/contract/threads";
import { createApiThread, listApiThreads } from "@/lib/api/resources/threads";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "clients.read", query: threadListQuery }, async ({ db, scope, query }) => ({
  body: await listApiThreads(db, scope, query),
}));

export const POST = apiRoute({ permission: "discussions.write", write: true, body: threadCreateBody }, async ({ db, scope, body }) => ({
  status: 201,
  body: await createApiThread(db, scope, body),
}));
