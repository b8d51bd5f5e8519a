DROP INDEX "clients_search_trgm";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "search_text" text GENERATED ALWAYS AS (encaisse_fold(code || ' ' || name || ' ' || coalesce(siren, ''))) STORED;--> statement-breakpoint
CREATE INDEX "clients_search_text_trgm" ON "clients" USING gin ("search_text" gin_trgm_ops);