/**
 * Actions a person starts from the fiche client rather than the engine: an unplanned call, an e-mail, a statement
 * of account. Their id comes from the form that was opened, so a submission received twice records one action.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type Queryable, queryRows } from "../client";
import type { ComposedMessage } from "../schema/actions";
import { clientInScope } from "./scope";

export type NewClientAction = {
  id: string;
  clientId: string;
  type: "call" | "email" | "letter";
  /** `planned` to be completed at once, `scheduled` to be sent at once, `done` for what is already over. */
  status: "planned" | "scheduled" | "done";
  plannedDate: string;
  /** The open documents of the client it covers: those chosen (others are ignored), or every one. */
  documents: number[] | "all_open";
  message?: ComposedMessage | null;
  renderedSubject?: string | null;
  note?: string | null;
};

export type NewClientActionResult = { status: "created"; documents: number } | { status: "exists" } | { status: "not_found" };

function coveredDocuments(input: NewClientAction): SQL {
  const chosen = input.documents === "all_open" ? sql`true` : input.documents.length ? sql`d.id in (${sql.join(input.documents.map((id) => sql`${id}`), sql`, `)})` : sql`false`;
  return sql`d.client_id = ${input.clientId} and d.status = 'open' and ${chosen}`;
}

/** Records a manual action of a client in scope, done or about to be done by the user of `scope`. */
export async function createClientAction(db: Queryable, scope: Scope, input: NewClientAction): Promise<NewClientActionResult> {
  const covered = coveredDocuments(input);
  const [created] = await queryRows<{ id: string }>(
    db,
    sql`insert into actions (id, client_id, type, mode, planned_date, status, amount_covered, assigned_user_id, message,
          rendered_subject, note, done_by_id, done_at)
        select ${input.id}::uuid, clients.id, ${input.type}::action_type, 'manual', ${input.plannedDate}::date,
          ${input.status}::action_status, (select coalesce(sum(d.open_amount), 0) from documents d where ${covered}),
          ${scope.userId}::uuid, ${input.message ? JSON.stringify(input.message) : null}::jsonb, ${input.renderedSubject ?? null},
          ${input.note ?? null}, ${scope.userId}::uuid, ${input.status === "done" ? sql`now()` : sql`null`}
        from clients where clients.id = ${input.clientId} and ${clientInScope(scope)}
        on conflict (id) do nothing
        returning id`,
  );
  if (!created) {
    const [existing] = await queryRows<{ id: string }>(
      db,
      sql`select a.id from actions a join clients on clients.id = a.client_id
          where a.id = ${input.id}::uuid and a.client_id = ${input.clientId} and ${clientInScope(scope)}`,
    );
    return existing ? { status: "exists" } : { status: "not_found" };
  }
  const documents = await queryRows<{ id: number }>(
    db,
    sql`insert into action_documents (action_id, document_id) select ${input.id}::uuid, d.id from documents d where ${covered}
        returning document_id as id`,
  );
  return { status: "created", documents: documents.length };
}
