import { Download, History } from "lucide-react";
import type { Metadata } from "next";
import { Pagination } from "@/components/clients/pagination";
import { AgendaToolbar } from "@/components/relance/agenda/agenda-toolbar";
import { HistoryTable } from "@/components/relance/agenda/history-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listAgendaActions } from "@/db/queries/agenda";
import { loadAgendaFrame, PAGE_SIZE } from "../frame";

export const metadata: Metadata = { title: "Historique des relances" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const frame = await loadAgendaFrame(searchParams);
  const { db, scope, filters, page, params, query } = frame;
  const rows = await listAgendaActions(db, scope, "history", filters, { page, pageSize: PAGE_SIZE });
  return (
    <>
      <AgendaToolbar frame={frame} tab="history" />
      {rows.length === 0 ? (
        <EmptyState
          icon={History}
          title="Aucune action dans l'historique"
          description={query ? "Aucune action réalisée ne correspond à ces filtres." : "Les actions faites, envoyées ou annulées apparaîtront ici."}
        />
      ) : (
        <HistoryTable rows={rows} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <Pagination page={page} pageSize={PAGE_SIZE} total={frame.counts.history.total} params={params} />
        <Button asChild variant="outline" className="ml-auto">
          <a href={`/api/relance/historique/export${query ? `?${query}` : ""}`} download>
            <Download className="size-4" aria-hidden="true" /> Exporter l&apos;historique (xlsx)
          </a>
        </Button>
      </div>
    </>
  );
}
