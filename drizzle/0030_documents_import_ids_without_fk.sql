ALTER TABLE "documents" DROP CONSTRAINT "documents_first_seen_import_id_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_last_seen_import_id_imports_id_fk";
