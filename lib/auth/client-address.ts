/**
 * The address a login comes from, as the nearest proxy saw it: the last entry of X-Forwarded-For (Next.js fills it
 * from the socket when no proxy set it). Entries further left were written by the client and prove nothing.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  const address = forwarded?.at(-1) ?? headers.get("x-real-ip")?.trim();
  // IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d; one address, one key.
  return address ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 100) : "inconnue";
}
