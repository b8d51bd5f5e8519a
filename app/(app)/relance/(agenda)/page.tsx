import { CalendarCheck } from "lucide-react";
import type { Metadata } from "next";
import { Pagination } from "@/components/clients/pagination";
import { AgendaToolbar } from "@/components/relance/agenda/agenda-toolbar";
import { ManualActionsTable } from "@/components/relance/agenda/manual-actions-table";
import { OpenedActionSlot } from "@/components/relance/agenda/opened-action-slot";
import { EmptyState } from "@/components/ui/empty-state";
import { listAgendaActions } from "@/db/queries/agenda";
import { loadAgendaFrame, PAGE_SIZE } from "./frame";

export const metadata: Metadata = { title: "Actions manuelles" };

export default async function ManualActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const frame = await loadAgendaFrame(searchParams);
  const { db, scope, filters, page, today, params } = frame;
  const rows = await listAgendaActions(db, scope, "manual", filters, { page, pageSize: PAGE_SIZE });
  const pageParams = page > 1 ? { ...params, page: String(page) } : params;
  return (
    <>
      <AgendaToolbar frame={frame} tab="manual" />
      {rows.length === 0 ? (
        <EmptyState
          icon={CalendarCheck}
          title="Aucune action manuelle à traiter"
          description={frame.query ? "Aucune action ne correspond à ces filtres." : "Les appels et tâches prévus par les scénarios apparaîtront ici."}
        />
      ) : (
        <ManualActionsTable rows={rows} today={today} params={pageParams} />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={frame.counts.manual.total} params={params} />
      <OpenedActionSlot frame={frame} basePath="/relance" pageParams={pageParams} />
    </>
  );
}
