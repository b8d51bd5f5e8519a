import { pieceIdPath } from "@/lib/api/contract/pieces";
import { getApiPiece } from "@/lib/api/resources/pieces";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "documents.read", params: pieceIdPath }, async ({ db, scope, params, today }) => ({
  body: await getApiPiece(db, scope, params.id, today),
}));
