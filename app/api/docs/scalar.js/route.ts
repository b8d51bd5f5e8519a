import { scalarBundle } from "../scalar-bundle";

/** Scalar's script; the page asks for it with its hash in the query, so it is cached as immutable. */
export async function GET() {
  const { body, version } = await scalarBundle();
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${version}"`,
    },
  });
}
