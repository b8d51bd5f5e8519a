import { Badge } from "@/components/ui/badge";
import type { OutboundMessage } from "@/db/schema";

export const outboundStatusBadge: Record<OutboundMessage["status"], React.ReactNode> = {
  queued: <Badge variant="info">En cours d&apos;envoi</Badge>,
  sent: <Badge variant="success">Envoyé</Badge>,
  failed: <Badge variant="destructive">Refusé</Badge>,
};

/** Where the message went: a provider, or only the outbox (nothing left the application). */
export function providerLabel(provider: string, channel: OutboundMessage["channel"]): string {
  if (provider === "resend") return "Resend";
  if (provider !== "outbox") return provider;
  return channel === "letter" ? "Lot d'impression du jour" : "Boîte d'envoi (aucun fournisseur configuré)";
}
