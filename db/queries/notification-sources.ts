/**
 * Notifications the system sends by itself, each one set-based: a single INSERT … SELECT reaches every
 * recipient (all active administrators), whatever their number.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../client";

/** Tells the active administrators how an import ended: `import.finished` or `import.failed`, with its message. */
export async function notifyAdminsOfImport(db: Queryable, importId: string): Promise<void> {
  await db.execute(sql`
    insert into notifications (user_id, kind, title, body, link, subject_id)
    select u.id,
           case when i.status = 'succeeded' then 'import.finished' else 'import.failed' end,
           case when i.status = 'succeeded' then 'Import terminé : ' else 'Import refusé : ' end || i.file_name,
           i.message, '/import/' || i.id, i.id
    from imports i cross join users u
    where i.id = ${importId} and i.status in ('succeeded', 'failed') and u.role = 'admin' and u.active`);
}

/** Tells the active administrators that a job run failed (`job.failed`), with its error. */
export async function notifyAdminsOfFailedRun(db: Queryable, runId: string): Promise<void> {
  await db.execute(sql`
    insert into notifications (user_id, kind, title, body, link, subject_id)
    select u.id, 'job.failed', 'Traitement en échec : ' || r.job || ' du ' || to_char(r.run_date, 'DD/MM/YYYY'), r.error, '/parametrage/traitements', r.id
    from job_runs r cross join users u
    where r.id = ${runId} and r.status = 'failed' and u.role = 'admin' and u.active`);
}
