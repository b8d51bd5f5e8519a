CREATE TABLE "scenario_forecasts" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"from_date" date,
	"forecast" jsonb,
	"computed_at" timestamp with time zone,
	"requested_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "documents_open_foreign_idx" ON "documents" USING btree ("client_id","currency") WHERE "documents"."status" = 'open' and "documents"."currency" <> 'EUR';