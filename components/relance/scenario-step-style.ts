/** How a step looks wherever it is drawn: an icon for its action type, a colour for its mode. */
import { ClipboardCheck, FileText, Gavel, type LucideIcon, Mail, MessageSquare, Phone } from "lucide-react";
import type { ActionMode, ActionType } from "@/lib/scenarios/steps";

export const actionIcons: Record<ActionType, LucideIcon> = {
  email: Mail,
  call: Phone,
  letter: FileText,
  formal_notice: Gavel,
  sms: MessageSquare,
  task: ClipboardCheck,
};

/** Marker classes by mode; the agenda's colours: manual blue, automatic green, awaiting confirmation amber. */
export const modeMarkerClasses: Record<ActionMode, string> = {
  manual: "border-info bg-info text-info-foreground",
  automatic: "border-success bg-success text-success-foreground",
  automatic_to_confirm: "border-warning bg-card text-warning-foreground border-2",
};

export const modeDotClasses: Record<ActionMode, string> = {
  manual: "bg-info",
  automatic: "bg-success",
  automatic_to_confirm: "border-2 border-warning bg-card",
};
