import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { reachedSteps } from "./collection-engine";

/** An invoice and one step of its scenario not yet covered on the first night, as the preview simulates it. */
export type PreviewCandidate = {
  documentId: number;
  clientId: string;
  stepId: string;
  offsetDays: number;
  minAmount: string;
  stepDate: string;
  openAmount: string;
  /** The channel the step's message goes by (a mise en demeure is a letter), null for a manual step. */
  channel: string | null;
};

/** A pending action new documents may join, or that a higher step the same day may take over. */
export type PreviewPendingAction = {
  clientId: string;
  stepId: string;
  offsetDays: number;
  plannedDate: string;
  channel: string | null;
  documents: { documentId: number; openAmount: string }[];
};

const automaticChannel = (type: ReturnType<typeof sql>, mode: ReturnType<typeof sql>) =>
  sql`case when ${mode} = 'manual' then null when ${type} = 'formal_notice' then 'letter' else ${type}::text end`;

/**
 * The invoices and steps the next nights may plan, from `date` with step dates up to `until`, and the pending
 * actions new documents would join. Read-only.
 */
export async function loadPreviewCandidates(db: Queryable, args: { date: string; until: string; scenarioId?: string | null }) {
  const { date, until, scenarioId } = args;
  const [candidates, pending] = await Promise.all([
    queryRows<PreviewCandidate>(
      db,
      sql`select document_id::int as "documentId", client_id as "clientId", step_id as "stepId", offset_days as "offsetDays",
            min_amount::text as "minAmount", step_date::text as "stepDate", open_amount::text as "openAmount",
            ${automaticChannel(sql`action_type`, sql`mode`)} as channel
          from (${reachedSteps(date, sql`${until}::date`)}) r
          where ${scenarioId ? sql`r.scenario_id = ${scenarioId}` : sql`true`}`,
    ),
    queryRows<PreviewPendingAction>(
      db,
      sql`select a.client_id as "clientId", a.step_id as "stepId", a.step_offset_days as "offsetDays",
            a.planned_date::text as "plannedDate", ${automaticChannel(sql`a.type`, sql`a.mode`)} as channel,
            coalesce(json_agg(json_build_object('documentId', d.id, 'openAmount', d.open_amount::text))
              filter (where d.id is not null), '[]') as documents
          from actions a
          left join action_documents ad on ad.action_id = a.id left join documents d on d.id = ad.document_id
          where a.status in ('planned', 'to_confirm', 'scheduled') and a.step_id is not null and a.planned_date >= ${date}::date
          group by a.id`,
    ),
  ]);
  return { candidates, pending };
}
