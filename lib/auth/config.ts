import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordLoginAttempt, recentLoginFailures } from "@/db/queries/login-attempts";
import { findActiveUserByEmail } from "@/db/queries/users";
import { env } from "@/lib/env";
import { authConfig } from "./auth.config";
import { verifyPassword } from "./password";

export class LoginRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(input) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = await getDb();
        const since = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
        if ((await recentLoginFailures(db, email, since)) >= env.LOGIN_MAX_FAILURES) throw new LoginRateLimited();

        const user = await findActiveUserByEmail(db, email);
        const ok = user ? await verifyPassword(password, user.passwordHash) : false;
        await recordLoginAttempt(db, email, ok);
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
});
