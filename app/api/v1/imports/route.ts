import { importListQuery } from "@/lib/api/contract/imports";
import { listApiImports, readUploadForm, startApiImport } from "@/lib/api/resources/imports";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ permission: "imports.run", query: importListQuery }, async ({ db, query }) => ({
  body: await listApiImports(db, query),
}));

export const POST = apiRoute({ permission: "imports.run", write: true, form: readUploadForm }, async ({ db, scope, form, today }) => {
  const started = await startApiImport(db, scope, form!, today);
  return { status: 202, body: started, headers: { Location: started.status_url } };
});
