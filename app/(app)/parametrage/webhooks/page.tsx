import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateWebhookDialog } from "@/components/settings/webhooks/create-webhook-dialog";
import { DeleteWebhookButton, ToggleWebhookButton } from "@/components/settings/webhooks/webhook-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listWebhookSubscriptions } from "@/db/queries/webhook-deliveries";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, formatInteger } from "@/lib/format/fr";
import { webhookEventLabels } from "@/lib/webhooks/labels";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { db } = await requireUser("settings.manage");
  const subscriptions = await listWebhookSubscriptions(db);

  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div className="space-y-1.5">
          <CardTitle>Abonnements</CardTitle>
          <CardDescription>
            Encaisse prévient vos autres outils (ERP, CRM, entrepôt de données) quand un événement se produit : un POST JSON signé par
            HMAC-SHA256 (en-tête Encaisse-Signature), essayé jusqu&apos;à 8 fois en cas d&apos;échec.
          </CardDescription>
        </div>
        <CreateWebhookDialog />
      </CardHeader>
      <CardContent>
        {subscriptions.length === 0 ? (
          <EmptyState
            icon={Webhook}
            title="Aucun abonnement"
            description="Créez un abonnement pour recevoir les règlements, litiges, imports, promesses et envois à une adresse de votre choix."
          />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Adresse</TableHead>
                <TableHead>Événements</TableHead>
                <TableHead>État</TableHead>
                <TableHead>Envois</TableHead>
                <TableHead>Dernier événement</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {subscriptions.map((s) => (
                <TableRow key={s.id}>
                  <TableCell className="max-w-80 min-w-48 whitespace-normal">
                    <Link href={`/parametrage/webhooks/${s.id}`} className="font-medium [overflow-wrap:anywhere] underline-offset-4 hover:underline">
                      {s.url}
                    </Link>
                    {s.description && <p className="text-xs text-muted-foreground">{s.description}</p>}
                  </TableCell>
                  <TableCell className="max-w-64 whitespace-normal">
                    <ul className="flex flex-wrap gap-1">
                      {s.events.map((e) => (
                        <li key={e}>
                          <Badge variant="outline" title={webhookEventLabels[e]}>
                            {e}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell>{s.active ? <Badge variant="success">Actif</Badge> : <Badge variant="secondary">Désactivé</Badge>}</TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">
                    {formatInteger(s.pending)} en attente
                    <br />
                    <span className={s.failed > 0 ? "text-destructive" : undefined}>
                      {formatInteger(s.failed)} abandonné{s.failed > 1 ? "s" : ""}
                    </span>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(s.lastDeliveryAt)}</TableCell>
                  <TableCell>
                    <div className="flex items-center justify-end gap-1">
                      <Link
                        href={`/parametrage/webhooks/${s.id}`}
                        className="rounded-md px-2 py-1 text-sm underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                        aria-label={`Journal des envois de ${s.url}`}
                      >
                        Journal
                      </Link>
                      <ToggleWebhookButton id={s.id} active={s.active} url={s.url} />
                      <DeleteWebhookButton id={s.id} url={s.url} compact />
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
