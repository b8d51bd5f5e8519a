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
/** `open`, `in_progress` and `waiting_customer` keep the pièces out of reminders; `resolved` and `closed` release them. */
export const disputeStatus = pgEnum("dispute_status", ["open", "closed", "in_progress", "waiting_customer", "resolved"]);
export const disputeCategory = pgEnum("dispute_category", ["prix", "quantite", "qualite", "livraison", "facturation", "autre"]);
export const disputeOutcome = pgEnum("dispute_outcome", ["avoir_emis", "facture_maintenue", "partiel"]);
export const threadSubject = pgEnum("thread_subject", [
  "litige",
  "conditions_paiement",
  "limite_credit",
  "demande_avoir",
  "lettrage",
  "autre",
]);
export const threadStatus = pgEnum("thread_status", ["open", "resolved"]);
export const taskKind = pgEnum("task_kind", ["appeler", "relancer", "negocier_echeancier", "obtenir_justificatif", "autre"]);
export const taskStatus = pgEnum("task_status", ["open", "done", "cancelled"]);
export const paymentPlanStatus = pgEnum("payment_plan_status", ["active", "kept", "broken", "cancelled"]);
export const jobStatus = pgEnum("job_status", ["running", "succeeded", "failed"]);
