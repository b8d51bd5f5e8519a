import { Download, Send } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/clients/pagination";
import { OutboundStatusBadge } from "@/components/outbound/outbound-labels";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listOutboundMessages, listPrintBatches } from "@/db/queries/outbound";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatInteger } from "@/lib/format/fr";
import { channelLabels, isTemplateChannel, templateChannels } from "@/lib/templates/channels";
import { cn } from "@/lib/utils";
import { RowLink } from "@/components/ui/row-link";

export const metadata: Metadata = { title: "Messages envoyés" };

const pageSize = 50;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ canal?: string; page?: string }> }) {
  const { db, scope } = await requireUser("settings.manage");
  const params = await searchParams;
  const channel = isTemplateChannel(params.canal) ? params.canal : null;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const [{ rows, total }, batches] = await Promise.all([listOutboundMessages(db, scope, { channel, page, pageSize }), listPrintBatches(db, 7)]);
  const filters = [{ key: null, label: "Tous" }, ...templateChannels.map((c) => ({ key: c, label: channelLabels[c] }))];

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Lots d&apos;impression</CardTitle>
          <CardDescription>Les courriers envoyés un même jour, réunis dans un seul PDF à imprimer et à poster.</CardDescription>
        </CardHeader>
        <CardContent>
          {batches.length === 0 ? (
            <p className="text-sm text-muted-foreground">Aucun courrier envoyé pour le moment.</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {batches.map((b) => (
                <li key={b.date}>
                  <Button asChild variant="outline" size="sm">
                    <a href={`/parametrage/messages/lot/${b.date}`} download>
                      <Download aria-hidden="true" /> Courriers du {formatDate(b.date)} ({formatInteger(b.letters)})
                    </a>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Messages envoyés</CardTitle>
          <CardDescription>
            Tout ce qui est parti ou aurait dû partir. Un message « Simulé (non envoyé) » est enregistré ici tel qu&apos;il serait
            parti, mais n&apos;a pas quitté l&apos;application.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <nav aria-label="Filtrer par canal" className="flex flex-wrap gap-2">
            {filters.map((f) => (
              <Link
                key={f.label}
                href={f.key ? `/parametrage/messages?canal=${f.key}` : "/parametrage/messages"}
                aria-current={f.key === channel ? "page" : undefined}
                className={cn(
                  "rounded-full border px-3 py-1 text-sm outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                  f.key === channel ? "border-primary bg-primary text-primary-foreground" : "bg-background hover:bg-accent",
                )}
              >
                {f.label}
              </Link>
            ))}
          </nav>
          {rows.length === 0 ? (
            <EmptyState
              icon={Send}
              title={channel ? `Aucun message (${channelLabels[channel].toLowerCase()}) envoyé` : "Aucun message envoyé"}
              description="Les relances automatiques partent chaque nuit, et dès qu'une action à confirmer est confirmée."
            />
          ) : (
            <>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Date</TableHead>
                    <TableHead>Canal</TableHead>
                    <TableHead>Destinataire</TableHead>
                    <TableHead>Objet</TableHead>
                    <TableHead>Statut</TableHead>
                    <TableHead>Client</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((m) => (
                    <TableRow key={m.id}>
                      <TableCell className="whitespace-nowrap tabular">{formatDateTime(m.sentAt ?? m.createdAt)}</TableCell>
                      <TableCell className="whitespace-nowrap">{channelLabels[m.channel]}</TableCell>
                      <TableCell className="max-w-40 truncate" title={m.recipient}>{m.recipient}</TableCell>
                      <TableCell className="max-w-60 truncate" title={m.subject ?? undefined}>
                        <Link href={`/parametrage/messages/${m.id}`} className="font-medium underline-offset-4 hover:underline">
                          {m.subject || (m.channel === "sms" ? "SMS" : "Sans objet")}
                        </Link>
                      </TableCell>
                      <TableCell title={m.error ?? undefined}>
                        <OutboundStatusBadge message={m} />
                      </TableCell>
                      <TableCell className="max-w-40 truncate" title={m.clientName ?? undefined}>
                        {m.clientId ? (
                          <RowLink href={`/clients/${m.clientId}`} className="underline-offset-4 hover:underline">
                            {m.clientName}
                          </RowLink>
                        ) : (
                          <span className="text-muted-foreground">Client supprimé</span>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <p className="text-sm text-muted-foreground">{formatInteger(total)} message(s)</p>
              <Pagination page={page} pageSize={pageSize} total={total} params={{ canal: channel ?? "" }} />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
