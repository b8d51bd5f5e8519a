import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { sessionIsOpen } from "@/db/queries/users";
import { authConfig } from "./auth.config";
import { checkLogin } from "./check-login";
import { clientAddress } from "./client-address";

/** Too many recent failures for this e-mail from this address: the login page says how long to wait. */
export class LoginThrottled extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly waitSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    // A session ended by logout or by deactivating its user is no session at all, /api/auth/session included.
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token;
      if (typeof token.uid !== "string" || typeof token.loginAt !== "number") return null;
      try {
        return (await sessionIsOpen(await getDb(), token.uid, token.loginAt)) ? token : null;
      } catch {
        // Database unreachable: keep the cookie. The page's own queries fail and show the outage, instead of
        // Auth.js deleting every session and sending everyone back to the login page.
        return token;
      }
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(input, request) {
        const outcome = await checkLogin(await getDb(), input, clientAddress(request.headers));
        if (outcome.kind === "wait") throw new LoginThrottled(outcome.seconds);
        return outcome.kind === "signed-in" ? outcome.user : null;
      },
    }),
  ],
});
