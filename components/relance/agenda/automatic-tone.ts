import type { AgendaRow } from "@/db/queries/agenda";

export type AutomaticTone = "confirmed" | "late" | "future" | "error";

/** SPEC §7 colours: green confirmed, red late and unconfirmed, white future unconfirmed, yellow error. */
export function automaticTone(row: Pick<AgendaRow, "status" | "plannedDate">, today: string): AutomaticTone {
  if (row.status === "error") return "error";
  if (row.status === "scheduled") return "confirmed";
  return row.plannedDate <= today ? "late" : "future";
}

export const toneStyles: Record<AutomaticTone, { row: string; badge: string; label: string }> = {
  confirmed: { row: "border-l-success bg-success/5", badge: "bg-success/12 text-success", label: "Confirmée" },
  late: { row: "border-l-destructive bg-destructive/5", badge: "bg-destructive/10 text-destructive", label: "En retard, à confirmer" },
  future: { row: "border-l-border bg-card", badge: "border bg-background text-muted-foreground", label: "À confirmer" },
  error: { row: "border-l-warning bg-warning/15", badge: "bg-warning/30 text-warning-foreground", label: "En erreur" },
};
