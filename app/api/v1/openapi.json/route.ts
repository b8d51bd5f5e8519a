import { openApiDocument } from "@/lib/api/openapi";

// Built once per process: the document only changes with the code.
let document: string | null = null;

/** The OpenAPI 3.1 document, public like any API's reference. */
export function GET() {
  document ??= JSON.stringify(openApiDocument());
  return new Response(document, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
