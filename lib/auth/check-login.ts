import { z } from "zod";
import type { Db } from "@/db/client";
import { markLoginSucceeded, startLoginAttempt } from "@/db/queries/login-attempts";
import { findActiveUserByEmail } from "@/db/queries/users";
import { env } from "@/lib/env";
import { unknownUserHash, verifyPassword } from "./password";
import type { Role } from "./roles";

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export type LoginOutcome =
  | { kind: "signed-in"; user: { id: string; email: string; name: string; role: Role } }
  | { kind: "refused" }
  | { kind: "wait"; seconds: number };

/**
 * Checks an e-mail and password typed on the login page, from the client address `ip`. The attempt is recorded
 * before the password is compared, and throttled per e-mail and address (see login-throttle).
 */
export async function checkLogin(db: Db, input: unknown, ip: string): Promise<LoginOutcome> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return { kind: "refused" };
  const { email, password } = parsed.data;
  const attempt = await startLoginAttempt(db, email, ip, { maxFailures: env.LOGIN_MAX_FAILURES, windowMinutes: env.LOGIN_WINDOW_MINUTES });
  if (attempt.waitSeconds !== undefined) return { kind: "wait", seconds: attempt.waitSeconds };

  const user = await findActiveUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? unknownUserHash);
  if (!user || !ok) return { kind: "refused" };
  await markLoginSucceeded(db, attempt.attemptId);
  return { kind: "signed-in", user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
