import { Badge } from "@/components/ui/badge";
import type { WebhookDelivery, webhookAttempts } from "@/db/schema";
import { formatDateTime, formatInteger } from "@/lib/format/fr";
import { webhookDeliveryStatusLabels, webhookEventLabels } from "@/lib/webhooks/labels";
import { ReplayButton } from "./webhook-buttons";

type Attempt = typeof webhookAttempts.$inferSelect;

const statusVariant = { pending: "info", delivered: "success", failed: "destructive" } as const;

/**
 * One row per event sent to the subscription; its attempts open beneath it (a native disclosure, reachable and
 * opened with the keyboard).
 */
export function DeliveryLog({ deliveries, attempts }: { deliveries: WebhookDelivery[]; attempts: Attempt[] }) {
  const byDelivery = new Map<string, Attempt[]>();
  for (const a of attempts) byDelivery.set(a.deliveryId, [...(byDelivery.get(a.deliveryId) ?? []), a]);
  return (
    <ul className="divide-y rounded-md border" aria-label="Envois">
      {deliveries.map((d) => {
        const tries = byDelivery.get(d.id) ?? [];
        return (
          <li key={d.id} className="p-3" data-testid="webhook-delivery">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0 space-y-1">
                <p className="text-sm">
                  <span className="font-medium">{webhookEventLabels[d.event]}</span>{" "}
                  <span className="font-mono text-xs text-muted-foreground">{d.event}</span>
                </p>
                <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
                  <div className="flex gap-1">
                    <dt>Créé</dt>
                    <dd>{formatDateTime(d.createdAt)}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>Statut</dt>
                    <dd>
                      <Badge variant={statusVariant[d.status]}>{webhookDeliveryStatusLabels[d.status]}</Badge>
                    </dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>Essais</dt>
                    <dd>{formatInteger(d.attempts)}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>Dernier code</dt>
                    <dd>{d.lastStatusCode ?? "—"}</dd>
                  </div>
                  {d.status === "pending" && d.attempts > 0 && (
                    <div className="flex gap-1">
                      <dt>Prochain essai</dt>
                      <dd>{formatDateTime(d.nextAttemptAt)}</dd>
                    </div>
                  )}
                  {d.deliveredAt && (
                    <div className="flex gap-1">
                      <dt>Livré</dt>
                      <dd>{formatDateTime(d.deliveredAt)}</dd>
                    </div>
                  )}
                </dl>
                {d.lastError && <p className="text-xs break-all text-destructive">Dernière erreur : {d.lastError}</p>}
              </div>
              <ReplayButton id={d.id} event={d.event} />
            </div>
            <details className="mt-2 text-xs">
              <summary className="cursor-pointer rounded text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                {tries.length === 0 ? "Aucun essai pour le moment" : `${formatInteger(tries.length)} essai${tries.length > 1 ? "s" : ""} et contenu envoyé`}
              </summary>
              {tries.length > 0 && (
                <table className="mt-2 w-full text-left">
                  <thead className="text-muted-foreground">
                    <tr>
                      <th className="py-1 pr-3 font-medium">Date</th>
                      <th className="py-1 pr-3 font-medium">Code</th>
                      <th className="py-1 pr-3 font-medium">Durée</th>
                      <th className="py-1 pr-3 font-medium">Erreur</th>
                      <th className="py-1 font-medium">Origine</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tries.map((a) => (
                      <tr key={a.id} className="border-t">
                        <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(a.attemptedAt)}</td>
                        <td className="py-1 pr-3">{a.statusCode ?? "—"}</td>
                        <td className="py-1 pr-3 whitespace-nowrap">{formatInteger(a.durationMs)} ms</td>
                        <td className="py-1 pr-3 break-all">{a.error ?? "—"}</td>
                        <td className="py-1">{a.replay ? "Renvoi manuel" : "Automatique"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {/* Focusable, so the keyboard can scroll a long payload. */}
              <pre
                tabIndex={0}
                role="region"
                aria-label={`Contenu envoyé de l'événement ${d.event}`}
                className="mt-2 max-h-48 overflow-auto rounded bg-muted p-2 font-mono text-[11px] focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                {JSON.stringify(d.payload, null, 2)}
              </pre>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
