import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { safeReturnPath } from "./return-path";
import type { Role } from "./roles";
import { authSecret } from "./secret";

/** The part of the auth setup that needs no database: shared by the proxy and the full config. */
export const authConfig = {
  secret: authSecret(),
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  providers: [],
  callbacks: {
    // Every place Auth.js sends the browser to after signing in or out stays on this site.
    redirect: ({ url, baseUrl }) => `${baseUrl}${safeReturnPath(url, baseUrl)}`,
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id as string;
        token.role = (user as { role: Role }).role;
        // Kept through every refresh of the cookie, unlike `iat`: what logout revocation compares with.
        token.loginAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as Role;
      session.user.loginAt = token.loginAt as number;
      return session;
    },
  },
} satisfies NextAuthConfig;
