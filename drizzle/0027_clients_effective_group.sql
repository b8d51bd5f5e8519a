ALTER TABLE "clients" ADD COLUMN "effective_group_id" uuid GENERATED ALWAYS AS (coalesce(forced_group_id, group_id)) STORED;--> statement-breakpoint
CREATE INDEX "clients_effective_group_id_index" ON "clients" USING btree ("effective_group_id");--> statement-breakpoint
ANALYZE "clients";
