CREATE TABLE "monthly_sales" (
	"month" date NOT NULL,
	"entity_id" uuid NOT NULL,
	"collector_id" uuid,
	"sales_rep_id" uuid,
	"department" text,
	"amount" numeric(16, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_snapshots" (
	"snapshot_date" date NOT NULL,
	"entity_id" uuid NOT NULL,
	"collector_id" uuid,
	"sales_rep_id" uuid,
	"department" text,
	"clients" integer NOT NULL,
	"clients_with_balance" integer NOT NULL,
	"bucket_clients" integer[] NOT NULL,
	"outstanding" numeric(16, 2) NOT NULL,
	"overdue" numeric(16, 2) NOT NULL,
	"not_due" numeric(16, 2) NOT NULL,
	"aged" numeric(16, 2)[] NOT NULL,
	"aging_limits" jsonb NOT NULL,
	"sales_month" numeric(16, 2),
	"overdue_invoices" numeric(16, 2),
	"overdue_days" numeric(22, 2),
	"due30d" numeric(16, 2),
	"settled30d" numeric(16, 2),
	"invoices_settled30d" numeric(16, 2),
	"invoices_settled30d_count" integer
);
--> statement-breakpoint
ALTER TABLE "daily_snapshots" ADD COLUMN "sales_month" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "daily_snapshots" ADD COLUMN "overdue_invoices" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "daily_snapshots" ADD COLUMN "overdue_days" numeric(22, 2);--> statement-breakpoint
ALTER TABLE "daily_snapshots" ADD COLUMN "due30d" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "daily_snapshots" ADD COLUMN "settled30d" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "daily_snapshots" ADD COLUMN "invoices_settled30d" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "daily_snapshots" ADD COLUMN "invoices_settled30d_count" integer;--> statement-breakpoint
ALTER TABLE "monthly_sales" ADD CONSTRAINT "monthly_sales_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_sales" ADD CONSTRAINT "monthly_sales_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_sales" ADD CONSTRAINT "monthly_sales_sales_rep_id_users_id_fk" FOREIGN KEY ("sales_rep_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD CONSTRAINT "portfolio_snapshots_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD CONSTRAINT "portfolio_snapshots_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD CONSTRAINT "portfolio_snapshots_sales_rep_id_users_id_fk" FOREIGN KEY ("sales_rep_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monthly_sales_month_index" ON "monthly_sales" USING btree ("month");--> statement-breakpoint
CREATE INDEX "portfolio_snapshots_snapshot_date_index" ON "portfolio_snapshots" USING btree ("snapshot_date");--> statement-breakpoint
CREATE INDEX "actions_done_or_sent_at_idx" ON "actions" USING btree (coalesce("done_at", "sent_at")) WHERE "actions"."status" in ('sent', 'done');--> statement-breakpoint
-- Existing snapshots, summed into the home aggregates (the columns added above stay empty for past days).
INSERT INTO "portfolio_snapshots" ("snapshot_date", "entity_id", "collector_id", "sales_rep_id", "department", "clients",
  "clients_with_balance", "bucket_clients", "outstanding", "overdue", "not_due", "aged", "aging_limits")
SELECT k.snapshot_date, k.entity_id, k.collector_id, k.sales_rep_id, k.department, k.clients, k.with_balance,
  b.bucket_clients, k.outstanding, k.overdue, k.not_due, coalesce(b.aged, '{}'), k.aging_limits
FROM (
  SELECT s.snapshot_date, c.entity_id, c.collector_id, c.sales_rep_id, nullif(trim(c.department), '') AS department,
    count(*) AS clients, count(*) FILTER (WHERE s.not_due <> 0 OR 0 <> ANY(s.aged)) AS with_balance,
    sum(s.outstanding) AS outstanding, sum(s.overdue) AS overdue, sum(s.not_due) AS not_due,
    min(s.aging_limits::text)::jsonb AS aging_limits, array_agg(array_prepend(s.not_due, s.aged)) AS buckets
  FROM "daily_snapshots" s JOIN "clients" c ON c.id = s.client_id
  GROUP BY 1, 2, 3, 4, 5
) k
CROSS JOIN LATERAL (
  SELECT array_agg(t.total ORDER BY t.i) FILTER (WHERE t.i > 1) AS aged, array_agg(t.n ORDER BY t.i) AS bucket_clients
  FROM (
    SELECT i, sum(k.buckets[r][i]) AS total, (count(*) FILTER (WHERE k.buckets[r][i] <> 0))::int AS n
    FROM generate_subscripts(k.buckets, 1) r, generate_subscripts(k.buckets, 2) i
    GROUP BY i
  ) t
) b;
--> statement-breakpoint
INSERT INTO "monthly_sales" ("month", "entity_id", "collector_id", "sales_rep_id", "department", "amount")
SELECT date_trunc('month', d.issue_date)::date, c.entity_id, c.collector_id, c.sales_rep_id, nullif(trim(c.department), ''), sum(d.amount)
FROM "documents" d JOIN "clients" c ON c.id = d.client_id
CROSS JOIN (SELECT max(snapshot_date) AS latest FROM "daily_snapshots") s
WHERE d.type IN ('invoice', 'credit_note') AND d.issue_date <= s.latest
  AND d.issue_date >= date_trunc('month', s.latest - interval '24 months')
GROUP BY 1, 2, 3, 4, 5;
