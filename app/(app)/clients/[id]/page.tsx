import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactsCard } from "@/components/clients/contacts-card";
import { IdentityCard } from "@/components/clients/identity-card";
import { OpenDocumentsTable } from "@/components/clients/open-documents-table";
import { KpiCard } from "@/components/home/kpi-card";
import { Badge } from "@/components/ui/badge";
import { getClient, listOpenDocuments } from "@/db/queries/clients";
import { listContacts } from "@/db/queries/contacts";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { formatMoney, formatPercent } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Fiche client" };

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, scope } = await requireUser("clients.read");
  const { id } = await params;
  const found = await getClient(db, scope, id);
  if (!found) notFound();
  const { client } = found;
  const date = today();
  const [documents, contacts] = await Promise.all([listOpenDocuments(db, client.id, date), listContacts(db, scope, client.id)]);
  const outstanding = Number(client.outstanding);
  const creditUsed = client.creditLimit && Number(client.creditLimit) > 0 ? outstanding / Number(client.creditLimit) : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{client.name}</h1>
        <Badge variant="outline" className="font-mono">
          {client.code}
        </Badge>
        {client.pausedUntil && client.pausedUntil >= date && <Badge variant="warning">Relances suspendues</Badge>}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <KpiCard label="Encours" value={formatMoney(client.outstanding)} />
        <KpiCard label="Échu" value={formatMoney(client.overdue)} tone="danger" hint={`${formatPercent(outstanding ? Number(client.overdue) / outstanding : null)} de l'encours`} />
        <KpiCard label="Limite de crédit" value={client.creditLimit ? formatMoney(client.creditLimit) : "—"} hint={creditUsed === null ? undefined : `${formatPercent(creditUsed)} utilisée`} tone={creditUsed !== null && creditUsed > 1 ? "danger" : "default"} />
        <KpiCard label="Pièces ouvertes" value={String(documents.length)} />
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <OpenDocumentsTable documents={documents} />
        </div>
        <div className="space-y-6">
          <IdentityCard client={client} entityName={found.entityName} collectorName={found.collectorName} salesRepName={found.salesRepName} />
          <ContactsCard contacts={contacts} />
        </div>
      </div>
    </div>
  );
}
