-- The open pièces' index by client also carries what the Pièces list's totals add up, so those totals read the
-- index alone (an index-only scan) instead of every open pièce's row scattered over the table.
DROP INDEX IF EXISTS "documents_open_by_client_idx";--> statement-breakpoint
CREATE INDEX "documents_open_by_client_idx" ON "documents" USING btree ("client_id","due_date") INCLUDE ("currency","type","disputed","amount","open_amount") WHERE "documents"."status" = 'open';
