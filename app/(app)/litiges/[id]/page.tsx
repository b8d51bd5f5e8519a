import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DaysLateCell } from "@/components/documents/document-cells";
import { DisputeCaseForm } from "@/components/disputes/dispute-case-form";
import { DisputeStatusBadge } from "@/components/disputes/dispute-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RowLink } from "@/components/ui/row-link";
import { ThreadsButton } from "@/components/threads/threads-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDisputeCase, listDisputeOwners } from "@/db/queries/dispute-cases";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { disputeCategoryLabels, disputeOutcomeLabels } from "@/lib/disputes/labels";
import { formatDate, formatDateTime, formatInteger, formatMoney } from "@/lib/format/fr";
import { isUuid } from "@/lib/ids";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Litige" };

export default async function DisputePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ discussion?: string | string[] }>;
}) {
  const { db, scope } = await requireUser("disputes.read");
  const { id } = await params;
  const { discussion } = await searchParams;
  if (!isUuid(id)) notFound();
  const date = today();
  const [dispute, owners] = await Promise.all([getDisputeCase(db, scope, id, date), listDisputeOwners(db)]);
  if (!dispute) notFound();
  const manage = can(scope.role, "disputes.manage");
  const editable = manage || dispute.ownerId === scope.userId;
  const over = dispute.closedAt !== null;
  const facts: [string, React.ReactNode][] = [
    ["Catégorie", disputeCategoryLabels[dispute.category]],
    ["Montant en litige", dispute.amount === null ? "—" : formatMoney(dispute.amount)],
    ["Responsable", dispute.ownerName ?? "Non attribué"],
    ["Ouvert", `le ${formatDateTime(dispute.openedAt)}${dispute.openedByName ? ` par ${dispute.openedByName}` : ""}`],
    [over ? "Durée de traitement" : "Âge", `${formatInteger(dispute.ageDays)} j`],
    [
      "Date cible",
      <span key="cible" className={cn(dispute.overdue && "font-medium text-destructive")}>
        {dispute.targetDate ? formatDate(dispute.targetDate) : "—"}
        {dispute.overdue && " (dépassée)"}
      </span>,
    ],
    ["Résultat", dispute.outcome ? disputeOutcomeLabels[dispute.outcome] : "—"],
    ["Note de résolution", dispute.resolutionNote ?? "—"],
  ];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-muted-foreground">
          <RowLink href="/litiges" className="hover:underline">
            Litiges
          </RowLink>{" "}
          /
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Litige — {dispute.clientName}</h1>
          <Badge variant="outline" className="font-mono">
            {dispute.clientCode}
          </Badge>
          <DisputeStatusBadge status={dispute.status} />
          <ThreadsButton
            target={{ clientId: dispute.clientId, disputeId: dispute.id }}
            label={`Litige ${dispute.clientName}`}
            defaultSubject="litige"
            syncUrl
            initialThreadId={typeof discussion === "string" && isUuid(discussion) ? discussion : undefined}
          />
        </div>
        <p className="text-sm">
          {dispute.reason} ·{" "}
          <RowLink href={`/clients/${dispute.clientId}`} className="underline-offset-2 hover:underline">
            Fiche client
          </RowLink>
        </p>
      </div>
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_28rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Pièces du litige ({formatInteger(dispute.pieces.length)})</CardTitle>
            </CardHeader>
            <CardContent>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Pièce</TableHead>
                    <TableHead>Échéance</TableHead>
                    <TableHead className="text-right">Montant</TableHead>
                    <TableHead className="text-right">Reste dû</TableHead>
                    <TableHead className="text-right">Retard</TableHead>
                    <TableHead>Relances</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {dispute.pieces.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell className="font-medium">{p.number}</TableCell>
                      <TableCell>{formatDate(p.dueDate)}</TableCell>
                      <TableCell className="tabular text-right">{formatMoney(p.amount, p.currency)}</TableCell>
                      <TableCell className="tabular text-right">{formatMoney(p.openAmount, p.currency)}</TableCell>
                      <DaysLateCell doc={p} />
                      <TableCell>
                        {p.status !== "open" ? <Badge variant="success">Soldée</Badge> : p.disputed ? <Badge variant="warning">Suspendues</Badge> : <Badge variant="outline">Actives</Badge>}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Suivi</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-muted-foreground">{label}</dt>
                    <dd className="whitespace-pre-line">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
        </div>
        {editable && (
          <Card>
            <CardHeader>
              <CardTitle>{manage ? "Modifier le litige" : "Mettre à jour le statut"}</CardTitle>
            </CardHeader>
            <CardContent>
              <DisputeCaseForm dispute={dispute} owners={owners} manage={manage} />
            </CardContent>
          </Card>
        )}
      </div>
    </div>
  );
}
