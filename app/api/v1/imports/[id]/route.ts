import { getApiImport } from "@/lib/api/resources/imports";
import { apiRoute, idParams } from "@/lib/api/route";

export const GET = apiRoute({ permission: "imports.run", params: idParams }, async ({ db, params }) => ({
  body: await getApiImport(db, params.id),
}));
