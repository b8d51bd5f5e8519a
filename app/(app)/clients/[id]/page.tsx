import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClientActionButtons } from "@/components/clients/client-action-dialogs";
import { ClientTimeline } from "@/components/clients/client-timeline";
import { ContactsCard } from "@/components/clients/contacts-card";
import { ClientDisputesCard } from "@/components/disputes/client-disputes-card";
import { ClientScoreCard } from "@/components/scoring/client-score-card";
import { FollowUpCard } from "@/components/clients/follow-up-card";
import { IdentityCard } from "@/components/clients/identity-card";
import { KpiStrip } from "@/components/clients/kpi-strip";
import { OtherCurrenciesNote } from "@/components/documents/other-currencies-note";
import { openInOtherCurrencies } from "@/db/queries/currencies";
import { ClientActionsCard } from "@/components/relance/agenda/client-actions-card";
import { OpenDocumentsTable } from "@/components/clients/open-documents-table";
import { PaymentPlanDialog } from "@/components/clients/payment-plan-dialog";
import { PaymentPlansCard } from "@/components/clients/payment-plans-card";
import { ClientTasksCard } from "@/components/tasks/client-tasks-card";
import { ThreadsButton } from "@/components/threads/threads-button";
import { Badge } from "@/components/ui/badge";
import { listClientActions } from "@/db/queries/agenda";
import { listClientOpenDocuments } from "@/db/queries/client-documents";
import { listAssignableUsers, listGroupChoices } from "@/db/queries/client-edits";
import { getClientKpis } from "@/db/queries/client-kpis";
import { listClientTimeline } from "@/db/queries/client-timeline";
import { getClient } from "@/db/queries/clients";
import { listContacts } from "@/db/queries/contacts";
import { listClientPaymentPlans } from "@/db/queries/payment-plans";
import { getOption } from "@/db/queries/settings";
import { listTemplates } from "@/db/queries/templates";
import { countThreads, countThreadsByDocument } from "@/db/queries/threads";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { parseClientDocumentSort } from "@/lib/documents/client-sort";
import { formatDate } from "@/lib/format/fr";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Fiche client" };

export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, scope, user } = await requireUser("clients.read");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const sort = parseClientDocumentSort(await searchParams);
  // « Négocier un échéancier » from an agenda action opens the dialog here, tied to that action.
  const planFor = (await searchParams).echeancier;
  const date = today();
  const canAssign = can(scope.role, "clients.assign");
  const canEdit = can(scope.role, "clients.edit");
  const canWork = can(scope.role, "relance.work");
  // Every read filters on the scope itself, so they all start at once; a client out of scope comes back empty.
  const [found, kpis, documents, contacts, events, agingLimits, groups, people, clientActions, otherCurrencies, templates] = await Promise.all([
    getClient(db, scope, id),
    getClientKpis(db, scope, id, date),
    listClientOpenDocuments(db, scope, id, date, sort),
    listContacts(db, scope, id),
    listClientTimeline(db, scope, id),
    getOption(db, "agingLimits"),
    listGroupChoices(db),
    canAssign ? listAssignableUsers(db) : Promise.resolve([]),
    listClientActions(db, scope, id),
    openInOtherCurrencies(db, scope, { clientId: id }),
    canWork ? listTemplates(db) : Promise.resolve([]),
  ]);
  if (!found || !kpis) notFound();
  const { client } = found;
  const paused = client.pausedUntil !== null && client.pausedUntil >= date;
  const paymentPlans = await listClientPaymentPlans(db, scope, client.id);
  const [threadCount, threadsByDocument] = await Promise.all([countThreads(db, scope, { clientId: client.id }), countThreadsByDocument(db, scope, client.id)]);
  // A notification's link opens the discussions panel on its thread.
  const discussion = (await searchParams).discussion;
  const plannedIds = new Set(paymentPlans.filter((p) => p.status === "active").flatMap((p) => p.documents.map((d) => d.id)));

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{client.name}</h1>
          <Badge variant="outline" className="font-mono">
            {client.code}
          </Badge>
          {paused && <Badge variant="warning">Relances suspendues jusqu&apos;au {formatDate(client.pausedUntil)}</Badge>}
          <ThreadsButton
            target={{ clientId: client.id }}
            count={threadCount}
            label={client.name}
            initialThreadId={typeof discussion === "string" && isUuid(discussion) ? discussion : undefined}
            syncUrl
          />
        </div>
        <p className="text-sm text-muted-foreground">
          {[found.entityName, client.city, client.siren && `SIREN ${client.siren}`].filter(Boolean).join(" · ")}
        </p>
        {canWork && (
          <div className="flex flex-wrap items-center gap-2">
            <ClientActionButtons
              clientId={client.id}
              documents={documents}
              templates={templates.filter((t) => t.channel === "email").map((t) => ({ id: t.id, name: t.name }))}
              promiseAmount={Number(kpis.overdue) > 0 ? kpis.overdue : kpis.outstanding}
              today={date}
              signature={user.name}
            />
            <PaymentPlanDialog
              clientId={client.id}
              documents={documents.filter((d) => d.type === "invoice" && Number(d.openAmount) > 0 && !plannedIds.has(d.id))}
              today={date}
              actionId={typeof planFor === "string" && isUuid(planFor) ? planFor : null}
              defaultOpen={planFor !== undefined}
            />
          </div>
        )}
      </div>
      <KpiStrip kpis={kpis} />
      <OtherCurrenciesNote totals={otherCurrencies} />
      <OpenDocumentsTable clientId={client.id} documents={documents} sort={sort} agingLimits={agingLimits} canFlag={canWork} threadCounts={threadsByDocument} />
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        {/* In one column (phones, tablets) the history comes last, after what a meeting needs first. */}
        <div className="min-w-0 max-xl:order-last">
          <ClientTimeline clientId={client.id} events={events} canComment={canWork} canOpenSent={canWork} />
        </div>
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2 xl:grid-cols-1">
          <FollowUpCard
            followUp={{ ...client, clientId: client.id, collectorName: found.collectorName, salesRepName: found.salesRepName }}
            today={date}
            groups={groups}
            people={people}
            canAssign={canAssign}
            canEdit={canEdit}
          />
          <ClientScoreCard db={db} scope={scope} clientId={client.id} today={date} />
          <ClientTasksCard clientId={client.id} salesRepId={client.salesRepId} documents={documents} today={date} />
          <PaymentPlansCard plans={paymentPlans} today={date} canWork={canWork} />
          <ClientActionsCard pending={clientActions.pending} past={clientActions.past} today={date} canWork={canWork} />
          <ClientDisputesCard db={db} scope={scope} clientId={client.id} today={date} />
          <ContactsCard clientId={client.id} contacts={contacts} canEdit={canEdit} />
          <IdentityCard client={client} entityName={found.entityName} />
        </div>
      </div>
    </div>
  );
}
