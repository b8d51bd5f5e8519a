import { eq, sql } from "drizzle-orm";
import { loginWaitSeconds, type ThrottleRule } from "@/lib/auth/login-throttle";
import { type Db, queryRows } from "../client";
import { loginAttempts } from "../schema";

export type LoginAttemptStart = { attemptId: number; waitSeconds?: undefined } | { attemptId?: undefined; waitSeconds: number };

/**
 * Records a login attempt as failed before its password is checked, unless the recent failures of the same e-mail
 * from the same address make it wait (then nothing is recorded: waiting does not lengthen the wait). Attempts of one
 * e-mail and address take turns on a transaction lock, so parallel tries cannot all read the same count and check
 * more passwords than the rule allows.
 */
export async function startLoginAttempt(db: Db, email: string, ip: string, rule: ThrottleRule): Promise<LoginAttemptStart> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${email}\n${ip}`}, 0))`);
    // clock_timestamp(), not now(): the transaction may have begun long before it got the lock.
    const [recent] = await queryRows<{ count: number; last_at_ms: number | null; now_ms: number }>(
      tx,
      sql`select count(*)::int as count,
            (extract(epoch from max(at)) * 1000)::float8 as last_at_ms,
            (extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms
          from login_attempts
          where email = ${email} and ip = ${ip} and not succeeded
            and at >= clock_timestamp() - make_interval(mins => ${rule.windowMinutes})
            and at > coalesce((select max(s.at) from login_attempts s
                               where s.email = ${email} and s.ip = ${ip} and s.succeeded), '-infinity')`,
    );
    const lastAt = recent.last_at_ms === null ? null : new Date(Number(recent.last_at_ms));
    const waitSeconds = loginWaitSeconds({ count: recent.count, lastAt }, new Date(Number(recent.now_ms)), rule);
    if (waitSeconds > 0) return { waitSeconds };
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email, ip, succeeded: false, at: sql`clock_timestamp()` })
      .returning({ id: loginAttempts.id });
    return { attemptId: row.id };
  });
}

/** The password was right: the attempt started as a failure becomes a success, which clears earlier failures. */
export async function markLoginSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}
