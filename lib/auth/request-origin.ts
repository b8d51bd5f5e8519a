/** This site's origin as the browser sees it, from the headers of a request (Next.js fills the x-forwarded ones). */
export function requestOrigin(headers: Headers): string {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host") || "localhost";
  return `${proto}://${host}`;
}
