import type { WebhookDeliveryStatus, WebhookEvent } from "@/db/schema";

/** What each event means, in French, in the order the subscription form offers them. */
export const webhookEventLabels: Record<WebhookEvent, string> = {
  "action.sent": "Action envoyée (e-mail, SMS, courrier)",
  "action.error": "Action en erreur",
  "promise.kept": "Promesse de paiement tenue",
  "promise.broken": "Promesse de paiement non tenue",
  "dispute.opened": "Litige ouvert",
  "dispute.resolved": "Litige résolu ou clos",
  "import.finished": "Import terminé",
  "import.failed": "Import en échec",
  "payment.received": "Règlement reçu",
};

/** Without importing the schema into the browser bundle. */
export const webhookEventsInOrder = Object.keys(webhookEventLabels) as WebhookEvent[];

export const webhookDeliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  pending: "En attente",
  delivered: "Livré",
  failed: "Abandonné",
};
