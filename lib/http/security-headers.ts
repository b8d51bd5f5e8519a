/**
 * The security headers of every response. Pure: the proxy gives the request's facts and a fresh nonce; the
 * Content-Security-Policy it builds is also handed to Next.js on the request so its scripts carry the nonce.
 */
export type HeaderContext = { nonce: string; pathname: string; https: boolean; development: boolean };

/** Pages the app itself shows in a frame (a sent message in Paramétrage → Messages): same origin only. */
const framedBySelf = /^\/parametrage\/messages\/[^/]+\/contenu$/;

export function contentSecurityPolicy({ nonce, pathname, https, development }: HeaderContext): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's bootstrap script load its chunks; no other script runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React and the charts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framedBySelf.test(pathname) ? "'self'" : "'none'"}`,
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(context: HeaderContext): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(context),
    "X-Frame-Options": framedBySelf.test(context.pathname) ? "SAMEORIGIN" : "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (context.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** Whether the browser reached the site over HTTPS, directly or through a reverse proxy that terminates TLS. */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return (forwarded ?? url.protocol.replace(":", "")) === "https";
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
