ALTER TABLE "imports" ADD COLUMN "rows_total" integer;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "message" text;