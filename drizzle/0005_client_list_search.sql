ALTER TABLE "clients" ADD COLUMN "aged" numeric[];--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "recipient_for" "channel"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "clients_overdue_index" ON "clients" USING btree ("overdue");--> statement-breakpoint
CREATE INDEX "clients_outstanding_index" ON "clients" USING btree ("outstanding");--> statement-breakpoint
CREATE INDEX "clients_code_trgm" ON "clients" USING gin ("code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_name_trgm" ON "clients" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_siren_trgm" ON "clients" USING gin ("siren" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "documents_open_disputed_idx" ON "documents" USING btree ("client_id") WHERE "documents"."status" = 'open' and "documents"."disputed";