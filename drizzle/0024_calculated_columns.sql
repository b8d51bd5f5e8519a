CREATE TABLE "calculated_columns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"formula" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"materialised_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calculated_columns_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "calculated_values" (
	"column_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"number" numeric,
	"text" text,
	"flag" boolean,
	CONSTRAINT "calculated_values_column_id_client_id_pk" PRIMARY KEY("column_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "calculated_columns" ADD CONSTRAINT "calculated_columns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calculated_values" ADD CONSTRAINT "calculated_values_column_id_calculated_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."calculated_columns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calculated_values" ADD CONSTRAINT "calculated_values_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calculated_values_column_id_number_index" ON "calculated_values" USING btree ("column_id","number");--> statement-breakpoint
CREATE INDEX "calculated_values_client_id_index" ON "calculated_values" USING btree ("client_id");