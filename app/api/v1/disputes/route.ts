import { disputeCreateBody, disputeListQuery } from "@/lib/api/contract/disputes";
import { createApiDispute, listApiDisputes } from "@/lib/api/resources/disputes";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "disputes.read", query: disputeListQuery }, async ({ db, scope, query, today }) => ({
  body: await listApiDisputes(db, scope, query, today),
}));

export const POST = apiRoute({ permission: "disputes.manage", write: true, body: disputeCreateBody }, async ({ db, scope, body, today }) => ({
  status: 201,
  body: await createApiDispute(db, scope, body, today),
}));
