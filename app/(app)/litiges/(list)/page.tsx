import type { Metadata } from "next";
import { Scale } from "lucide-react";
import { Pagination } from "@/components/clients/pagination";
import { DisputeFiltersForm } from "@/components/disputes/dispute-filters-form";
import { DisputeListTable } from "@/components/disputes/dispute-list-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listDisputeCases, listDisputeOwners } from "@/db/queries/dispute-cases";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { parseDisputeSearch, toDisputeFilters, toDisputeSort } from "@/lib/disputes/filters";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { searchToParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Litiges" };

const PAGE_SIZE = 50;

export default async function DisputesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope } = await requireUser("disputes.read");
  const raw = await searchParams;
  const search = parseDisputeSearch(raw);
  const page = Math.max(1, Number.parseInt(String(raw.page ?? "1"), 10) || 1);
  const sort = toDisputeSort(search);
  const [{ rows, totals }, owners] = await Promise.all([
    listDisputeCases(db, scope, toDisputeFilters(search), sort, today(), { page, pageSize: PAGE_SIZE }),
    listDisputeOwners(db),
  ]);
  const params = searchToParams(search);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Litiges</h1>
        <p className="text-sm text-muted-foreground">
          {formatInteger(totals.count)} litige{totals.count > 1 ? "s" : ""} · {formatMoney(totals.amount)} en jeu
        </p>
      </div>
      <DisputeFiltersForm search={search} owners={owners} />
      {rows.length === 0 ? (
        <EmptyState
          icon={Scale}
          title="Aucun litige ne correspond à ces filtres"
          description="Un litige s'ouvre depuis la fiche client, la liste des pièces ou le compte rendu d'un appel."
        />
      ) : (
        <DisputeListTable rows={rows} sort={sort} params={params} />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={totals.count} params={params} />
    </div>
  );
}
