CREATE TYPE "public"."outbound_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid,
	"client_id" uuid,
	"channel" "channel" NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pdf" "bytea",
	"letter" jsonb,
	"provider" text NOT NULL,
	"provider_message_id" text,
	"status" "outbound_status" DEFAULT 'queued' NOT NULL,
	"error" text,
	"batch_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_messages_action_uq" ON "outbound_messages" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "outbound_messages_created_at_index" ON "outbound_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbound_messages_channel_created_at_index" ON "outbound_messages" USING btree ("channel","created_at");--> statement-breakpoint
CREATE INDEX "outbound_messages_batch_date_index" ON "outbound_messages" USING btree ("batch_date");--> statement-breakpoint
CREATE INDEX "outbound_messages_client_id_index" ON "outbound_messages" USING btree ("client_id");