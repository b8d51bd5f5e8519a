import { ArrowLeft, ListX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryLog } from "@/components/settings/webhooks/delivery-log";
import { DeleteWebhookButton, ToggleWebhookButton } from "@/components/settings/webhooks/webhook-buttons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getWebhookSubscription, listWebhookAttempts, listWebhookDeliveries } from "@/db/queries/webhook-deliveries";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/fr";
import { isUuid } from "@/lib/ids";
import { webhookEventLabels } from "@/lib/webhooks/labels";

export const metadata: Metadata = { title: "Journal des webhooks" };

const LOG_SIZE = 100;

export default async function WebhookLogPage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireUser("settings.manage");
  const { id } = await params;
  const subscription = isUuid(id) ? await getWebhookSubscription(db, id) : null;
  if (!subscription) notFound();
  const deliveries = await listWebhookDeliveries(db, id, LOG_SIZE);
  const attempts = await listWebhookAttempts(db, deliveries.map((d) => d.id));

  return (
    <div className="space-y-4">
      <Button variant="ghost" size="sm" asChild>
        <Link href="/parametrage/webhooks">
          <ArrowLeft className="size-4" aria-hidden="true" /> Tous les abonnements
        </Link>
      </Button>
      <Card>
        <CardHeader className="flex flex-row items-start justify-between gap-4">
          <div className="space-y-1.5">
            <CardTitle className="break-all">{subscription.url}</CardTitle>
            <CardDescription>
              {subscription.description ? `${subscription.description} · ` : ""}créé le {formatDateTime(subscription.createdAt)} ·{" "}
              {subscription.active ? <Badge variant="success">Actif</Badge> : <Badge variant="secondary">Désactivé</Badge>}
            </CardDescription>
            <ul className="flex flex-wrap gap-1 pt-1" aria-label="Événements envoyés">
              {subscription.events.map((e) => (
                <li key={e}>
                  <Badge variant="outline">{webhookEventLabels[e]}</Badge>
                </li>
              ))}
            </ul>
          </div>
          <div className="flex items-center gap-1">
            <ToggleWebhookButton id={subscription.id} active={subscription.active} url={subscription.url} />
            <DeleteWebhookButton id={subscription.id} url={subscription.url} />
          </div>
        </CardHeader>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Journal des envois</CardTitle>
          <CardDescription>
            Les {LOG_SIZE} derniers événements, du plus récent au plus ancien. Un envoi en échec est retenté après 1 min, 5 min, 30 min, 2 h,
            12 h puis chaque jour, 8 essais en tout ; « Renvoyer » l&apos;envoie de nouveau tout de suite.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {deliveries.length === 0 ? (
            <EmptyState icon={ListX} title="Aucun envoi pour le moment" description="Les événements choisis apparaîtront ici dès qu'ils se produiront." />
          ) : (
            <DeliveryLog deliveries={deliveries} attempts={attempts} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
