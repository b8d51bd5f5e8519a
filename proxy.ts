import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { newNonce, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

const { auth } = NextAuth(authConfig);

/**
 * Every response gets the security headers, and each page a fresh CSP nonce Next.js puts on its scripts. Signed-out
 * visitors of a page are sent to /login with the path they asked for; every page, action and route still checks
 * rights itself.
 */
function withHeaders(request: NextRequest, signedIn: boolean): NextResponse {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    pathname,
    https: servedOverHttps(request.nextUrl, request.headers),
    development: process.env.NODE_ENV === "development",
  });
  let response: NextResponse;
  if (!signedIn) {
    const login = request.nextUrl.clone();
    login.pathname = "/login";
    // A path, never the absolute URL: the host the server sees may differ from the browser's.
    login.search = new URLSearchParams({ callbackUrl: pathname + search }).toString();
    response = NextResponse.redirect(login);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("x-nonce", nonce);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const pageProxy = auth((request) => withHeaders(request, Boolean(request.auth?.user)));

// API routes answer for themselves (a session cookie refreshed here would undo a logout); the login page is open.
const withoutSessionCheck = (pathname: string) => pathname.startsWith("/api/") || pathname === "/login";

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (withoutSessionCheck(request.nextUrl.pathname)) return withHeaders(request, true);
  return pageProxy(request, event as never);
}

export const config = {
  // Static files a phone fetches before anyone signs in (installing the app on the home screen) skip the login.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest|icon-192.png|icon-512.png|icon-maskable-512.png|apple-touch-icon.png).*)"],
};
