/**
 * Where to send someone after they log in: always a path on this site. A crafted link (`?callbackUrl=//evil.com`,
 * `/\evil.com`, `/login/..//evil.com`, an absolute URL to another host) must never lead off the site.
 */
const fallback = "/";
// Browsers read `//host` and `/\host` as another host; tabs and newlines are dropped by URL parsers.
const leadsElsewhere = /^[/\\][/\\]/;
const controlCharacters = /[\u0000-\u001f\u007f]/;
const withScheme = /^\s*[a-z][a-z\d+.-]*:/i;

/** Decodes repeatedly so a path encoded twice (`%252F`) is judged by what it becomes once fully decoded. */
function fullyDecoded(value: string): string {
  let current = value;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * The same-origin path (with its query) that `target` names, or "/" when it names anything else. `origin` is
 * this site's origin: an absolute URL on it is accepted and reduced to its path.
 */
export function safeReturnPath(target: unknown, origin?: string): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return fallback;
  if (controlCharacters.test(fullyDecoded(target))) return fallback;
  if (leadsElsewhere.test(target.trim()) || target.trim().startsWith("\\")) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin ?? "http://encaisse.invalid");
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  // A scheme is only accepted spelled out in full as this site's origin (`https:evil.com` is not a path to keep).
  if (withScheme.test(target) && !target.startsWith(`${base.origin}/`)) return fallback;
  const path = url.pathname + url.search;
  if (leadsElsewhere.test(path) || leadsElsewhere.test(fullyDecoded(url.pathname))) return fallback;
  return path;
}
