CREATE TYPE "public"."dispute_category" AS ENUM('prix', 'quantite', 'qualite', 'livraison', 'facturation', 'autre');--> statement-breakpoint
CREATE TYPE "public"."dispute_outcome" AS ENUM('avoir_emis', 'facture_maintenue', 'partiel');--> statement-breakpoint
CREATE TYPE "public"."payment_plan_status" AS ENUM('active', 'kept', 'broken', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."task_kind" AS ENUM('appeler', 'relancer', 'negocier_echeancier', 'obtenir_justificatif', 'autre');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."thread_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."thread_subject" AS ENUM('litige', 'conditions_paiement', 'limite_credit', 'demande_avoir', 'lettrage', 'autre');--> statement-breakpoint
ALTER TYPE "public"."dispute_status" ADD VALUE 'in_progress';--> statement-breakpoint
ALTER TYPE "public"."dispute_status" ADD VALUE 'waiting_customer';--> statement-breakpoint
ALTER TYPE "public"."dispute_status" ADD VALUE 'resolved';--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"client_id" uuid,
	"thread_id" uuid,
	"comment_id" uuid,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_storageKey_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "dispute_documents" (
	"dispute_id" uuid NOT NULL,
	"document_id" bigint NOT NULL,
	CONSTRAINT "dispute_documents_dispute_id_document_id_pk" PRIMARY KEY("dispute_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "payment_plan_documents" (
	"plan_id" uuid NOT NULL,
	"document_id" bigint NOT NULL,
	CONSTRAINT "payment_plan_documents_plan_id_document_id_pk" PRIMARY KEY("plan_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "payment_plan_instalments" (
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"paid_on" date,
	CONSTRAINT "payment_plan_instalments_plan_id_seq_pk" PRIMARY KEY("plan_id","seq")
);
--> statement-breakpoint
CREATE TABLE "payment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"action_id" uuid,
	"status" "payment_plan_status" DEFAULT 'active' NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"grace_days" integer DEFAULT 5 NOT NULL,
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_on" date
);
--> statement-breakpoint
CREATE TABLE "task_documents" (
	"task_id" uuid NOT NULL,
	"document_id" bigint NOT NULL,
	CONSTRAINT "task_documents_task_id_document_id_pk" PRIMARY KEY("task_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" "task_kind" NOT NULL,
	"description" text,
	"due_date" date NOT NULL,
	"assignee_id" uuid NOT NULL,
	"created_by_id" uuid,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"outcome" text,
	"note" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thread_participants" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone,
	CONSTRAINT "thread_participants_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"document_id" bigint,
	"dispute_id" uuid,
	"action_id" uuid,
	"subject" "thread_subject" DEFAULT 'autre' NOT NULL,
	"title" text NOT NULL,
	"status" "thread_status" DEFAULT 'open' NOT NULL,
	"resolution_note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disputes" DROP CONSTRAINT "disputes_document_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "disputes" ALTER COLUMN "document_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "category" "dispute_category" DEFAULT 'autre' NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "amount" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "target_date" date;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "outcome" "dispute_outcome";--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "thread_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_documents" ADD CONSTRAINT "dispute_documents_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_documents" ADD CONSTRAINT "dispute_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_documents" ADD CONSTRAINT "payment_plan_documents_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_documents" ADD CONSTRAINT "payment_plan_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_instalments" ADD CONSTRAINT "payment_plan_instalments_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_documents" ADD CONSTRAINT "task_documents_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_documents" ADD CONSTRAINT "task_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_participants" ADD CONSTRAINT "thread_participants_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_participants" ADD CONSTRAINT "thread_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_thread_id_index" ON "attachments" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "attachments_comment_id_index" ON "attachments" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "dispute_documents_document_id_index" ON "dispute_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "payment_plan_documents_document_id_index" ON "payment_plan_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "payment_plan_instalments_due_date_index" ON "payment_plan_instalments" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "payment_plans_client_id_status_index" ON "payment_plans" USING btree ("client_id","status");--> statement-breakpoint
CREATE INDEX "payment_plans_active_idx" ON "payment_plans" USING btree ("status") WHERE "payment_plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "task_documents_document_id_index" ON "task_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "tasks_assignee_id_status_due_date_index" ON "tasks" USING btree ("assignee_id","status","due_date");--> statement-breakpoint
CREATE INDEX "tasks_client_id_index" ON "tasks" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "thread_participants_user_id_index" ON "thread_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "threads_client_id_last_message_at_index" ON "threads" USING btree ("client_id","last_message_at");--> statement-breakpoint
CREATE INDEX "threads_document_id_index" ON "threads" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "threads_dispute_id_index" ON "threads" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "threads_action_id_index" ON "threads" USING btree ("action_id");--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_thread_id_created_at_index" ON "comments" USING btree ("thread_id","created_at");--> statement-breakpoint
INSERT INTO "dispute_documents" ("dispute_id", "document_id") SELECT "id", "document_id" FROM "disputes" WHERE "document_id" IS NOT NULL;--> statement-breakpoint
UPDATE "disputes" d SET "amount" = doc."open_amount" FROM "documents" doc WHERE doc."id" = d."document_id";
