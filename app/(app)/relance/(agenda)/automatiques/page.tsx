import { Send } from "lucide-react";
import type { Metadata } from "next";
import { Pagination } from "@/components/clients/pagination";
import { AgendaToolbar } from "@/components/relance/agenda/agenda-toolbar";
import { AutomaticActionsTable } from "@/components/relance/agenda/automatic-actions-table";
import { OpenedActionSlot } from "@/components/relance/agenda/opened-action-slot";
import { EmptyState } from "@/components/ui/empty-state";
import { listAgendaActions } from "@/db/queries/agenda";
import { can } from "@/lib/auth/permissions";
import { loadAgendaFrame, PAGE_SIZE } from "../frame";

export const metadata: Metadata = { title: "Relances automatiques" };

export default async function AutomaticActionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const frame = await loadAgendaFrame(searchParams);
  const { db, scope, filters, page, today, params } = frame;
  const rows = await listAgendaActions(db, scope, "automatic", filters, { page, pageSize: PAGE_SIZE });
  const pageParams = page > 1 ? { ...params, page: String(page) } : params;
  return (
    <>
      <AgendaToolbar frame={frame} tab="automatic" />
      <Legend />
      {rows.length === 0 ? (
        <EmptyState
          icon={Send}
          title="Aucune relance automatique en attente"
          description={frame.query ? "Aucune action ne correspond à ces filtres." : "Les e-mails, SMS et courriers prévus par les scénarios apparaîtront ici."}
        />
      ) : (
        <AutomaticActionsTable
          key={`${frame.query}-${page}`}
          rows={rows}
          today={today}
          params={pageParams}
          query={frame.query}
          total={frame.counts.automatic.total}
          canConfirm={can(scope.role, "actions.confirm")}
        />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={frame.counts.automatic.total} params={params} />
      <OpenedActionSlot frame={frame} basePath="/relance/automatiques" pageParams={pageParams} />
    </>
  );
}

function Legend() {
  const items = [
    ["bg-success", "Confirmée"],
    ["bg-destructive", "En retard, non confirmée"],
    ["border bg-background", "À venir, non confirmée"],
    ["bg-warning", "En erreur"],
  ] as const;
  return (
    <ul aria-label="Légende" className="flex flex-wrap gap-4 text-xs text-muted-foreground">
      {items.map(([swatch, label]) => (
        <li key={label} className="flex items-center gap-1.5">
          <span className={`size-3 rounded-sm ${swatch}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
