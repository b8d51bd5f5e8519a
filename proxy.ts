import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth.config";

// Only redirects signed-out visitors to /login; every page, action and route checks rights itself.
export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  matcher: ["/((?!api|login|_next/static|_next/image|favicon.ico|logo.svg).*)"],
};
