/**
 * The verdict on échéanciers from the payments imported, for every active plan at once: instalments paid, plans
 * kept or broken. Paid so far = plan amount − Σ what its pièces still owe, a settled pièce owing nothing.
 */
import { sql } from "drizzle-orm";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { type Queryable, queryRows } from "../client";
import { notifyMany } from "./notifications";

export type PaymentPlanOutcomes = { instalmentsPaid: number; kept: number; broken: number };

/** What every active plan has received so far. */
const progress = sql`
  select p.id as plan_id, p.amount - coalesce(sum(d.open_amount) filter (where d.status = 'open' and d.open_amount > 0), 0) as paid
  from payment_plans p
  join payment_plan_documents ppd on ppd.plan_id = p.id
  join documents d on d.id = ppd.document_id
  where p.status = 'active'
  group by p.id`;

/**
 * On `date`: an unpaid instalment whose cumulative amount the payments reach is paid on `date`; a plan all of whose
 * instalments are paid is kept; else a plan with an instalment unpaid more than its grace days after its due date
 * is broken, its collector told, and its pièces go back to the scenario (the engine leaves out active plans only).
 * Safe to run again: a second run on the same data changes nothing.
 */
export async function settlePaymentPlans(db: Queryable, date: string): Promise<PaymentPlanOutcomes> {
  const [paid] = await queryRows<{ n: number }>(
    db,
    sql`with progress as (${progress}),
        reached as (
          select i.plan_id, i.seq, i.paid_on, sum(i.amount) over (partition by i.plan_id order by i.seq) as cumulative
          from payment_plan_instalments i join progress on progress.plan_id = i.plan_id
        ), marked as (
          update payment_plan_instalments i set paid_on = ${date}::date
          from reached r join progress on progress.plan_id = r.plan_id
          where i.plan_id = r.plan_id and i.seq = r.seq and r.paid_on is null and progress.paid >= r.cumulative
          returning 1
        )
        select count(*)::int as n from marked`,
  );
  const ended = await queryRows<{
    plan_id: string;
    status: "kept" | "broken";
    client_id: string;
    client_name: string;
    collector_id: string | null;
    due_date: string | null;
    amount: string | null;
    grace_days: number;
  }>(
    db,
    sql`with verdict as (
          select p.id, bool_and(i.paid_on is not null) as all_paid,
            min(i.seq) filter (where i.paid_on is null and i.due_date + p.grace_days < ${date}::date) as broken_seq
          from payment_plans p join payment_plan_instalments i on i.plan_id = p.id
          where p.status = 'active'
          group by p.id
        ), ended as (
          update payment_plans p
          set status = (case when v.all_paid then 'kept' else 'broken' end)::payment_plan_status, ended_at = now(), ended_on = ${date}::date
          from verdict v
          where p.id = v.id and (v.all_paid or v.broken_seq is not null)
          returning p.id, p.status, p.client_id, p.grace_days, v.broken_seq
        )
        select e.id as plan_id, e.status::text as status, e.client_id, c.name as client_name, c.collector_id,
          i.due_date::text as due_date, i.amount::text as amount, e.grace_days
        from ended e
        join clients c on c.id = e.client_id
        left join payment_plan_instalments i on i.plan_id = e.id and i.seq = e.broken_seq`,
  );
  const broken = ended.filter((e) => e.status === "broken");
  await notifyMany(
    db,
    broken
      .filter((e) => e.collector_id)
      .map((e) => ({
        userId: e.collector_id!,
        kind: "plan.broken",
        title: `Échéancier rompu : ${e.client_name}`,
        body: `L'échéance du ${formatDate(e.due_date)} (${formatMoney(e.amount ?? "0")}) n'est pas payée après ${e.grace_days} jours de grâce : les pièces sont de nouveau relancées.`,
        link: `/clients/${e.client_id}`,
        subjectId: e.plan_id,
      })),
  );
  return { instalmentsPaid: paid.n, kept: ended.length - broken.length, broken: broken.length };
}
