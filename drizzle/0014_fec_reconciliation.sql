ALTER TYPE "public"."document_type" ADD VALUE 'opening_balance' BEFORE 'other';--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "warnings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "reconciliation" jsonb;