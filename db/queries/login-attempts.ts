import { and, eq, gte, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { loginAttempts } from "../schema";

export async function recentLoginFailures(db: Queryable, email: string, since: Date): Promise<number> {
  // Failures since the last success only: a user who got in is not locked out by older typos.
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.at, since),
        sql`${loginAttempts.at} > coalesce((select max(s.at) from login_attempts s
              where s.email = ${email} and s.succeeded), '-infinity')`,
      ),
    );
  return row.n;
}

export async function recordLoginAttempt(db: Queryable, email: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ email, succeeded });
}
