import { ArrowLeft, Download, FileText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutboundStatusBadge, providerLabel } from "@/components/outbound/outbound-labels";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getOutboundMessage } from "@/db/queries/outbound";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatInteger } from "@/lib/format/fr";
import { channelLabels } from "@/lib/templates/channels";

export const metadata: Metadata = { title: "Message envoyé" };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export default async function OutboundMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, scope } = await requireUser("settings.manage");
  const { id } = await params;
  const message = await getOutboundMessage(db, scope, id);
  if (!message) notFound();
  const content = `/parametrage/messages/${message.id}/contenu`;

  return (
    <div className="space-y-4">
      <Button asChild variant="ghost" size="sm">
        <Link href="/parametrage/messages">
          <ArrowLeft aria-hidden="true" /> Messages envoyés
        </Link>
      </Button>
      <Card>
        <CardHeader>
          <CardTitle>{message.subject || `SMS à ${message.recipient}`}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-6">
          <dl className="grid gap-4 sm:grid-cols-3">
            <Fact label="Date">{formatDateTime(message.sentAt ?? message.createdAt)}</Fact>
            <Fact label="Canal">{channelLabels[message.channel]}</Fact>
            <Fact label="Statut">
              <OutboundStatusBadge message={message} />
            </Fact>
            <Fact label="Destinataire">{message.recipient}</Fact>
            <Fact label="Client">
              {message.clientId ? (
                <Link href={`/clients/${message.clientId}`} className="underline-offset-4 hover:underline">
                  {message.clientName} ({message.clientCode})
                </Link>
              ) : (
                "Client supprimé"
              )}
            </Fact>
            <Fact label="Acheminement">
              {providerLabel(message.provider, message.channel)}
              {message.batchDate ? ` du ${formatDate(message.batchDate)}` : ""}
            </Fact>
            {message.error && <Fact label="Motif du refus">{message.error}</Fact>}
            {message.attachments.length > 0 && (
              <Fact label="Pièces jointes">
                {message.attachments.map((a) => `${a.fileName} (${formatInteger(Math.ceil(a.size / 1024))} Ko)`).join(", ")}
              </Fact>
            )}
          </dl>
          {message.channel === "email" && (
            <iframe title="Contenu de l'e-mail" src={content} sandbox="" className="h-[32rem] w-full rounded-md border bg-white" />
          )}
          {message.channel === "letter" && (
            <div className="space-y-3">
              <div className="flex flex-wrap gap-2">
                <Button asChild variant="outline" size="sm">
                  <a href={content} target="_blank" rel="noopener">
                    <FileText aria-hidden="true" /> Ouvrir le PDF du courrier
                  </a>
                </Button>
                <Button asChild variant="outline" size="sm">
                  <a href={`${content}?telecharger=1`} download>
                    <Download aria-hidden="true" /> Télécharger
                  </a>
                </Button>
              </div>
              <iframe title="Courrier (PDF)" src={content} className="h-[40rem] w-full rounded-md border" />
            </div>
          )}
          {message.channel === "sms" && (
            <p className="max-w-md whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-muted px-4 py-3 text-sm">{message.body}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
