/**
 * Échéanciers: created over open invoices of one client, cancelled, listed on the fiche, and their instalments due
 * shown in the agenda. Their nightly verdict (paid, kept, broken) is in payment-plan-outcomes.ts.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type InstalmentInput, totalMismatch } from "@/lib/collection/payment-plan-input";
import { type Db, type Queryable, queryRows } from "../client";
import { actions, clients, paymentPlanDocuments, paymentPlanInstalments, paymentPlans } from "../schema";
import { recordAudit } from "./audit";
import { clientInScope } from "./scope";

/** A document under an active plan: the scenario engine leaves it alone. */
export const underActivePlan = (documentId: ReturnType<typeof sql>) => sql`exists (
  select 1 from payment_plan_documents ppd join payment_plans pp on pp.id = ppd.plan_id
  where ppd.document_id = ${documentId} and pp.status = 'active')`;

export type NewPaymentPlan = {
  /** The form's request id: a second submission of the same form finds the plan already made. */
  id: string;
  clientId: string;
  actionId: string | null;
  documentIds: number[];
  instalments: InstalmentInput[];
  graceDays: number;
  note: string | null;
};

export type CreatePlanResult =
  | { status: "ok"; planId: string; duplicate: boolean }
  | { status: "not_found" }
  | { status: "invalid_documents" }
  | { status: "mismatch"; covered: string; message: string };

/**
 * Records the plan in one transaction. The client's row is locked first, so two plans over the same pièces (or the
 * same form sent twice) are made one after the other and the second sees the first. The pièces must be open
 * invoices of that client owing something and under no active plan; the instalments must total their open amount.
 */
export function createPaymentPlan(db: Db, scope: Scope, plan: NewPaymentPlan): Promise<CreatePlanResult> {
  return db.transaction(async (tx): Promise<CreatePlanResult> => {
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.id, plan.clientId), clientInScope(scope)))
      .for("update");
    if (!client) return { status: "not_found" };
    const [existing] = await tx.select({ clientId: paymentPlans.clientId }).from(paymentPlans).where(eq(paymentPlans.id, plan.id));
    if (existing) return existing.clientId === plan.clientId ? { status: "ok", planId: plan.id, duplicate: true } : { status: "not_found" };

    const ids = sql.join(plan.documentIds.map((id) => sql`${id}`), sql`, `);
    const [chosen] = await queryRows<{ n: number; covered: string | null }>(
      tx,
      sql`select count(*)::int as n, sum(d.open_amount)::text as covered from documents d
          where d.client_id = ${plan.clientId} and d.id in (${ids})
            and d.type = 'invoice' and d.status = 'open' and d.open_amount > 0 and not ${underActivePlan(sql`d.id`)}`,
    );
    if (chosen.n !== plan.documentIds.length || !chosen.covered) return { status: "invalid_documents" };
    const message = totalMismatch(plan.instalments.map((i) => i.amount), chosen.covered);
    if (message) return { status: "mismatch", covered: chosen.covered, message };

    const actionId = plan.actionId
      ? ((await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.id, plan.actionId), eq(actions.clientId, plan.clientId))))[0]?.id ?? null)
      : null;
    await tx.insert(paymentPlans).values({
      id: plan.id,
      clientId: plan.clientId,
      actionId,
      amount: chosen.covered,
      graceDays: plan.graceDays,
      note: plan.note,
      createdById: scope.userId,
    });
    await tx.insert(paymentPlanDocuments).values(plan.documentIds.map((documentId) => ({ planId: plan.id, documentId })));
    await tx.insert(paymentPlanInstalments).values(plan.instalments.map((i, n) => ({ planId: plan.id, seq: n + 1, dueDate: i.dueDate, amount: i.amount })));
    await recordAudit(tx, {
      userId: scope.userId,
      action: "payment_plan.create",
      targetType: "payment_plan",
      targetId: plan.id,
      details: { clientId: plan.clientId, amount: chosen.covered, documentIds: plan.documentIds, instalments: plan.instalments },
    });
    return { status: "ok", planId: plan.id, duplicate: false };
  });
}

/** Cancels an active plan of a client in scope; its pièces are chased again. Returns the client, or null. */
export function cancelPaymentPlan(db: Db, scope: Scope, planId: string, today: string): Promise<string | null> {
  return db.transaction(async (tx) => {
  const rows = await queryRows<{ client_id: string }>(
    tx,
    sql`update payment_plans p set status = 'cancelled', ended_at = now(), ended_on = ${today}::date
        from clients
        where clients.id = p.client_id and p.id = ${planId} and p.status = 'active' and ${clientInScope(scope)}
        returning p.client_id`,
  );
  const clientId = rows[0]?.client_id ?? null;
  if (clientId) await recordAudit(tx, { userId: scope.userId, action: "payment_plan.cancel", targetType: "payment_plan", targetId: planId, details: { clientId } });
  return clientId;
  });
}

export type PlanInstalment = { seq: number; dueDate: string; amount: string; paidOn: string | null };
export type PlanDocument = { id: number; number: string; openAmount: string; status: string };
export type ClientPaymentPlan = {
  id: string;
  status: "active" | "kept" | "broken" | "cancelled";
  amount: string;
  /** Plan amount less what its pièces still owe. */
  paid: string;
  graceDays: number;
  note: string | null;
  createdOn: string;
  createdBy: string | null;
  endedOn: string | null;
  instalments: PlanInstalment[];
  documents: PlanDocument[];
};

/** The plans of a client in scope, active ones first, then the most recent. */
export function listClientPaymentPlans(db: Queryable, scope: Scope, clientId: string): Promise<ClientPaymentPlan[]> {
  return queryRows<ClientPaymentPlan>(
    db,
    sql`select p.id, p.status::text as status, p.amount::text as amount, p.grace_days as "graceDays", p.note,
          (p.created_at at time zone 'Europe/Paris')::date::text as "createdOn", u.name as "createdBy", p.ended_on::text as "endedOn",
          (p.amount - coalesce((select sum(d.open_amount) from payment_plan_documents ppd join documents d on d.id = ppd.document_id
                                where ppd.plan_id = p.id and d.status = 'open' and d.open_amount > 0), 0))::text as paid,
          coalesce((select json_agg(json_build_object('seq', i.seq, 'dueDate', i.due_date, 'amount', i.amount::text, 'paidOn', i.paid_on) order by i.seq)
                    from payment_plan_instalments i where i.plan_id = p.id), '[]') as instalments,
          coalesce((select json_agg(json_build_object('id', d.id, 'number', d.number, 'openAmount', d.open_amount::text, 'status', d.status) order by d.number)
                    from payment_plan_documents ppd join documents d on d.id = ppd.document_id where ppd.plan_id = p.id), '[]') as documents
        from payment_plans p
        join clients on clients.id = p.client_id
        left join users u on u.id = p.created_by_id
        where p.client_id = ${clientId} and ${clientInScope(scope)}
        order by p.status = 'active' desc, p.created_at desc`,
  );
}

export type DueInstalment = {
  planId: string;
  seq: number;
  count: number;
  dueDate: string;
  /** What is still to be paid on this instalment, once the payments already made are counted. */
  remaining: string;
  late: boolean;
  clientId: string;
  clientName: string;
  clientCode: string;
};

/** Unpaid instalments of active plans due on or before `today` + `days`, for the clients in scope, earliest first. */
export function listDueInstalments(db: Queryable, scope: Scope, today: string, days = 7, limit = 50): Promise<DueInstalment[]> {
  return queryRows<DueInstalment>(
    db,
    sql`with due as (
          select i.plan_id, i.seq, i.due_date, p.amount as plan_amount,
            sum(i.amount) over (partition by i.plan_id order by i.seq) as cumulative, i.amount,
            count(*) over (partition by i.plan_id) as count, i.paid_on, p.client_id
          from payment_plan_instalments i
          join payment_plans p on p.id = i.plan_id and p.status = 'active'
          join clients on clients.id = p.client_id
          where ${clientInScope(scope)}
        ), paid as (
          select ppd.plan_id, due_plans.plan_amount - coalesce(sum(d.open_amount) filter (where d.status = 'open' and d.open_amount > 0), 0) as paid
          from (select distinct plan_id, plan_amount from due) due_plans
          join payment_plan_documents ppd on ppd.plan_id = due_plans.plan_id
          join documents d on d.id = ppd.document_id
          group by ppd.plan_id, due_plans.plan_amount
        )
        select due.plan_id as "planId", due.seq, due.count::int as count, due.due_date::text as "dueDate",
          least(due.amount, due.cumulative - coalesce(paid.paid, 0))::text as remaining,
          due.due_date < ${today}::date as late,
          c.id as "clientId", c.name as "clientName", c.code as "clientCode"
        from due
        join clients c on c.id = due.client_id
        left join paid on paid.plan_id = due.plan_id
        -- Payments imported since the last night already count, before the nightly marks the instalment paid.
        where due.paid_on is null and due.cumulative > coalesce(paid.paid, 0) and due.due_date <= ${today}::date + ${days}::int
        order by due.due_date, c.name, due.seq
        limit ${limit}`,
  );
}
