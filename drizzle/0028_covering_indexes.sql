-- The open pièces' index by client also carries what the Pièces list's totals add up, so those totals read the
-- index alone (an index-only scan) instead of every open pièce's row scattered over the table.
-- (The schema's index builder cannot say INCLUDE: db/schema keeps the key columns, this migration the rest.)
DROP INDEX IF EXISTS "documents_open_by_client_idx";--> statement-breakpoint
CREATE INDEX "documents_open_by_client_idx" ON "documents" USING btree ("client_id","due_date") INCLUDE ("currency","type","disputed","amount","open_amount") WHERE "documents"."status" = 'open';
--> statement-breakpoint
-- A collector's clients by their ids alone (an index-only scan), for the same totals over a portfolio.
DROP INDEX IF EXISTS "clients_collector_id_index";--> statement-breakpoint
CREATE INDEX "clients_collector_id_index" ON "clients" USING btree ("collector_id") INCLUDE ("id");
--> statement-breakpoint
-- The team's work over a period read from the index alone: what the team card counts of each action done or sent.
DROP INDEX IF EXISTS "actions_done_or_sent_at_idx";--> statement-breakpoint
CREATE INDEX "actions_done_or_sent_at_idx" ON "actions" USING btree (coalesce("done_at", "sent_at")) INCLUDE ("done_at","sent_at","id","status","type","done_by_id","confirmed_by_id","assigned_user_id","client_id") WHERE "actions"."status" in ('sent', 'done');
