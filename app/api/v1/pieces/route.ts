import { pieceListQuery } from "@/lib/api/contract/pieces";
import { listApiPieces } from "@/lib/api/resources/pieces";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "documents.read", query: pieceListQuery }, async ({ db, scope, query, today }) => ({
  body: await listApiPieces(db, scope, query, today),
}));
