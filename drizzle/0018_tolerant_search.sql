CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- Case- and accent-folded text for search; IMMUTABLE (with the dictionary named) so that an index can use it.
CREATE OR REPLACE FUNCTION encaisse_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;--> statement-breakpoint
DROP INDEX "clients_code_trgm";--> statement-breakpoint
DROP INDEX "clients_name_trgm";--> statement-breakpoint
DROP INDEX "clients_siren_trgm";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "civility" text;--> statement-breakpoint
CREATE INDEX "clients_search_trgm" ON "clients" USING gin (encaisse_fold("code" || ' ' || "name" || ' ' || coalesce("siren", '')) gin_trgm_ops);