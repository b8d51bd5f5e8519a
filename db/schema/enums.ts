import { pgEnum } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["admin", "supervisor", "collector", "sales", "manager"]);
export const documentType = pgEnum("document_type", ["invoice", "credit_note", "payment", "opening_balance", "other"]);
export const documentStatus = pgEnum("document_status", ["open", "settled"]);
export const importKind = pgEnum("import_kind", ["clients", "documents", "fec", "payments"]);
export const importMode = pgEnum("import_mode", ["snapshot", "incremental"]);
export const importStatus = pgEnum("import_status", ["pending", "running", "succeeded", "failed"]);
export const channel = pgEnum("channel", ["email", "letter", "sms"]);
export const actionType = pgEnum("action_type", ["call", "email", "letter", "sms", "task", "formal_notice"]);
export const actionMode = pgEnum("action_mode", ["manual", "automatic", "automatic_to_confirm"]);
export const actionStatus = pgEnum("action_status", [
  "planned",
  "to_confirm",
  "scheduled",
  "sent",
  "done",
  "error",
  "cancelled",
]);
export const promiseStatus = pgEnum("promise_status", ["pending", "kept", "broken", "cancelled"]);
export const disputeStatus = pgEnum("dispute_status", ["open", "closed"]);
export const jobStatus = pgEnum("job_status", ["running", "succeeded", "failed"]);
