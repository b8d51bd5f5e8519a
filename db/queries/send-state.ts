/** Whether a sent action really left the application, in SQL (the rule itself: lib/outbound/send-state.ts). */
import { type SQL, sql } from "drizzle-orm";

/** Sent only to the outbox: an e-mail or SMS with no provider configured. Letters go to the print batch. */
export const simulatedSend = (actionId: SQL) =>
  sql`exists (select 1 from outbound_messages om where om.action_id = ${actionId} and om.provider = 'outbox' and om.channel <> 'letter')`;

/** The action's status as shown: « simulated » for a send that stayed in the outbox. */
export const shownActionStatus = (status: SQL, actionId: SQL) =>
  sql`(case when ${status} = 'sent' and ${simulatedSend(actionId)} then 'simulated' else ${status}::text end)`;
