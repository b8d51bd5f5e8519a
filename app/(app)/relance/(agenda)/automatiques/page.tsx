import { Send } from "lucide-react";
import type { Metadata } from "next";
import { Pagination } from "@/components/clients/pagination";
import { AgendaToolbar } from "@/components/relance/agenda/agenda-toolbar";
import { AutomaticActionsTable } from "@/components/relance/agenda/automatic-actions-table";
import { AutomaticStateFilter } from "@/components/relance/agenda/automatic-state-filter";
import { OpenedActionSlot } from "@/components/relance/agenda/opened-action-slot";
import { EmptyState } from "@/components/ui/empty-state";
import { listAgendaActions } from "@/db/queries/agenda";
import { countAutomaticStates } from "@/db/queries/automatic-states";
import { can } from "@/lib/auth/permissions";
import { withAutomaticState } from "@/lib/relance/agenda-filters";
import { loadAgendaFrame, PAGE_SIZE } from "../frame";

export const metadata: Metadata = { title: "Relances automatiques" };

export default async function AutomaticActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const frame = await loadAgendaFrame(searchParams);
  const { db, scope, filters, page, today, params, search } = frame;
  const inState = withAutomaticState(filters, search, today);
  const [rows, stateCounts] = await Promise.all([
    listAgendaActions(db, scope, "automatic", inState, { page, pageSize: PAGE_SIZE }),
    countAutomaticStates(db, scope, filters, today),
  ]);
  const total = search.etat ? stateCounts[search.etat] : frame.counts.automatic.total;
  const pageParams = page > 1 ? { ...params, page: String(page) } : params;
  return (
    <>
      <AgendaToolbar frame={frame} tab="automatic" />
      <AutomaticStateFilter current={search.etat} counts={stateCounts} params={params} />
      {rows.length === 0 ? (
        <EmptyState
          icon={Send}
          title="Aucune relance automatique en attente"
          description={frame.query ? "Aucune action ne correspond à ces filtres ou à cet état." : "Les e-mails, SMS et courriers prévus par les scénarios apparaîtront ici."}
        />
      ) : (
        <AutomaticActionsTable
          key={`${frame.query}-${page}`}
          rows={rows}
          today={today}
          params={pageParams}
          query={frame.query}
          total={total}
          canConfirm={can(scope.role, "actions.confirm")}
        />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} params={params} />
      <OpenedActionSlot frame={frame} basePath="/relance/automatiques" pageParams={pageParams} />
    </>
  );
}
