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
};

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
            min_amount::text as "minAmount", step_date::text as "stepDate", open_amount::text as "openAmount"
          from (${reachedSteps(date, sql`${until}::date`)}) r
          where ${scenarioId ? sql`r.scenario_id = ${scenarioId}` : sql`true`}`,
    ),
    queryRows<{ clientId: string; stepId: string; plannedDate: string }>(
      db,
      sql`select client_id as "clientId", step_id as "stepId", planned_date::text as "plannedDate" from actions
          where status in ('planned', 'to_confirm', 'scheduled') and step_id is not null and planned_date >= ${date}::date`,
    ),
  ]);
  return { candidates, pending };
}
