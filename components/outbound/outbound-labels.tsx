import { Badge } from "@/components/ui/badge";
import type { OutboundMessage } from "@/db/schema";
import { isSimulatedSend, simulatedLabel } from "@/lib/outbound/send-state";

/** A message's state as the customer lived it: an outbox record is « Simulé (non envoyé) », not « Envoyé ». */
export function OutboundStatusBadge({ message }: { message: Pick<OutboundMessage, "status" | "provider" | "channel"> }) {
  if (message.status === "queued") return <Badge variant="info">En cours d&apos;envoi</Badge>;
  if (message.status === "failed") return <Badge variant="destructive">Refusé</Badge>;
  if (isSimulatedSend(message)) return <Badge variant="warning">{simulatedLabel}</Badge>;
  return <Badge variant="success">{message.channel === "letter" ? "Au lot d'impression" : "Envoyé"}</Badge>;
}

/** Where the message went: a provider, or only the outbox (nothing left the application). */
export function providerLabel(provider: string, channel: OutboundMessage["channel"]): string {
  if (provider === "resend") return "Resend";
  if (provider !== "outbox") return provider;
  return channel === "letter" ? "Lot d'impression du jour" : "Boîte d'envoi (aucun fournisseur configuré)";
}
