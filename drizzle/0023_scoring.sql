CREATE TABLE "cash_forecasts" (
	"computed_on" date NOT NULL,
	"entity_id" uuid NOT NULL,
	"collector_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"expected" numeric(16, 2) NOT NULL,
	"variance" double precision NOT NULL,
	CONSTRAINT "cash_forecasts_computed_on_entity_id_collector_id_week_start_pk" PRIMARY KEY("computed_on","entity_id","collector_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "client_score_history" (
	"client_id" uuid NOT NULL,
	"scored_on" date NOT NULL,
	"grade" char(1) NOT NULL,
	"p_late" double precision NOT NULL,
	CONSTRAINT "client_score_history_client_id_scored_on_pk" PRIMARY KEY("client_id","scored_on")
);
--> statement-breakpoint
CREATE TABLE "client_scores" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"model_id" uuid NOT NULL,
	"grade" char(1) NOT NULL,
	"p_late" double precision NOT NULL,
	"expected_late_amount" numeric(16, 2) DEFAULT '0' NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" text NOT NULL,
	"scored_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_scores" (
	"document_id" bigint PRIMARY KEY NOT NULL,
	"model_id" uuid NOT NULL,
	"p_late" double precision NOT NULL,
	"expected_payment_date" date NOT NULL,
	"scored_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_backtests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"grace_days" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"grace_days" integer NOT NULL,
	"intercept" double precision DEFAULT 0 NOT NULL,
	"features" jsonb NOT NULL,
	"delay" jsonb,
	"trained_on" integer NOT NULL,
	"trained_to" date NOT NULL,
	"metrics" jsonb,
	"active" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cash_forecasts" ADD CONSTRAINT "cash_forecasts_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_score_history" ADD CONSTRAINT "client_score_history_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_scores" ADD CONSTRAINT "client_scores_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_scores" ADD CONSTRAINT "client_scores_model_id_score_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."score_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_scores" ADD CONSTRAINT "document_scores_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_scores" ADD CONSTRAINT "document_scores_model_id_score_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."score_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_backtests" ADD CONSTRAINT "score_backtests_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_scores_grade_index" ON "client_scores" USING btree ("grade");--> statement-breakpoint
CREATE INDEX "client_scores_p_late_index" ON "client_scores" USING btree ("p_late");--> statement-breakpoint
CREATE INDEX "document_scores_model_id_index" ON "document_scores" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "score_models_active_idx" ON "score_models" USING btree ("active") WHERE "score_models"."active";