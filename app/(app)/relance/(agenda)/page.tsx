import { CalendarCheck } from "lucide-react";
import type { Metadata } from "next";
import { Pagination } from "@/components/clients/pagination";
import { AgendaToolbar } from "@/components/relance/agenda/agenda-toolbar";
import { DueInstalmentsCard } from "@/components/relance/agenda/due-instalments-card";
import { openHref } from "@/components/relance/agenda/agenda-row-parts";
import { ManualActionsTable } from "@/components/relance/agenda/manual-actions-table";
import { OpenedActionSlot } from "@/components/relance/agenda/opened-action-slot";
import { EmptyState } from "@/components/ui/empty-state";
import { listDueInstalments } from "@/db/queries/payment-plans";
import { getOption } from "@/db/queries/settings";
import { listWorklist } from "@/db/queries/worklist";
import { toWorklistSort } from "@/lib/relance/worklist-sort";
import { loadAgendaFrame, PAGE_SIZE } from "./frame";

export const metadata: Metadata = { title: "Actions manuelles" };

export default async function ManualActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const frame = await loadAgendaFrame(searchParams);
  const { db, scope, filters, page, today, params, search, opened } = frame;
  const sort = toWorklistSort(search);
  const weights = await getOption(db, "worklistPriority");
  const [rows, dueInstalments] = await Promise.all([
    listWorklist(db, scope, filters, { today, weights, sort, page, pageSize: PAGE_SIZE }),
    listDueInstalments(db, scope, today),
  ]);
  const pageParams = page > 1 ? { ...params, page: String(page) } : params;
  // Once an action is saved, the next one in the list opens: the saved one leaves the list meanwhile.
  const openedIndex = rows.findIndex((r) => r.id === opened);
  const next = openedIndex >= 0 ? rows[openedIndex + 1] : undefined;
  return (
    <>
      <AgendaToolbar frame={frame} tab="manual" />
      <DueInstalmentsCard rows={dueInstalments} today={today} />
      {rows.length === 0 ? (
        <EmptyState
          icon={CalendarCheck}
          title="Aucune action manuelle à traiter"
          description={frame.query ? "Aucune action ne correspond à ces filtres." : "Les appels et tâches prévus par les scénarios apparaîtront ici."}
        />
      ) : (
        <ManualActionsTable rows={rows} today={today} params={pageParams} sort={sort} weights={weights} opened={opened} showAssignee={!filters.assignedUserId} />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={frame.counts.manual.total} params={params} />
      <OpenedActionSlot frame={frame} basePath="/relance" pageParams={pageParams} savedHref={next ? `/relance${openHref(pageParams, next.id)}` : undefined} />
    </>
  );
}
