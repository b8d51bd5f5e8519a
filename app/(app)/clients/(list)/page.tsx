import { Download } from "lucide-react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ClientListTable } from "@/components/clients/client-list-table";
import { ColumnsChooser } from "@/components/clients/columns-chooser";
import { ListFiltersForm } from "@/components/clients/list-filters-form";
import { Pagination } from "@/components/clients/pagination";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { loadReadyColumns } from "@/db/queries/calculated-values";
import { toCalculatedFields } from "@/db/queries/calculated-fields";
import { listClientCustomFields, listClients } from "@/db/queries/clients";
import { listAssignableUsers, listGroupChoices } from "@/db/queries/client-edits";
import { getOption } from "@/db/queries/settings";
import { listEntities } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { chosenColumns, columnsCookie, customColumnKey, standardColumns } from "@/lib/clients/columns";
import { calculatedIdOf, calculatedKey } from "@/lib/formulas/keys";
import { clientSearchToParams, parseClientSearch, toClientFilters, toClientSort } from "@/lib/clients/filters";
import { today as todayInParis } from "@/lib/dates";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { agingBucketLabels } from "@/lib/settings/options";
import { alertNamesByClient } from "@/db/queries/alerts";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Clients" };

const PAGE_SIZE = 50;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { db, scope } = await requireUser("clients.read");
  const raw = await searchParams;
  const search = parseClientSearch(raw);
  const sort = toClientSort(search);
  const page = Math.max(1, Number.parseInt(String(raw.page ?? "1"), 10) || 1);
  const today = todayInParis();
  const [{ columns: ready }, customFields, cookieStore] = await Promise.all([loadReadyColumns(db), listClientCustomFields(db), cookies()]);
  const columns = chosenColumns(cookieStore.get(columnsCookie)?.value, customFields, scope.role, ready.map((c) => c.id));
  const calculated = { columns: ready, shown: columns.flatMap((k) => calculatedIdOf(k) ?? []) };
  const [{ rows, totals }, agingLimits, entityOptions, people, groupOptions] = await Promise.all([
    listClients(db, scope, toClientFilters(search), sort, today, { page, pageSize: PAGE_SIZE }, calculated),
    getOption(db, "agingLimits"),
    listEntities(db),
    listAssignableUsers(db),
    listGroupChoices(db),
  ]);
  // Flags need the page's rows; only the user's own alerts, a handful, are tested on them.
  const alerts = can(scope.role, "relance.work") ? await alertNamesByClient(db, scope, rows.map((r) => r.id), today) : new Map<string, string[]>();
  const calculatedFields = toCalculatedFields(ready);
  // Filters on the calculated columns shown, and on any the URL already filters.
  const filterable = calculatedFields.filter((c) => calculated.shown.includes(c.id) || search.calc?.[c.id]);
  const params = clientSearchToParams(search);
  const query = new URLSearchParams(params).toString();
  const filtered = Object.keys(params).some((k) => k !== "sort" && k !== "order");
  const byRole = (...roles: string[]) => people.filter((u) => roles.includes(u.role));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Clients</h1>
          <p className="text-sm text-muted-foreground">
            {formatInteger(totals.count)} client{totals.count > 1 ? "s" : ""} {filtered ? "correspondant aux filtres" : "dans votre périmètre"} · encours{" "}
            {formatMoney(totals.outstanding)} · échu {formatMoney(totals.overdue)}
          </p>
        </div>
        <div className="flex gap-2">
          <ColumnsChooser
            options={[
              ...standardColumns.map(({ key, label }) => ({ key, label })),
              ...customFields.map((name) => ({ key: customColumnKey(name), label: name })),
              ...calculatedFields.map((c) => ({ key: calculatedKey(c.id), label: c.name, calculated: true })),
            ]}
            chosen={columns}
          />
          <Button asChild variant="outline">
            <a href={`/api/clients/export${query ? `?${query}` : ""}`} download>
              <Download className="size-4" aria-hidden="true" /> Exporter (xlsx)
            </a>
          </Button>
        </div>
      </div>
      <ListFiltersForm
        search={search}
        entities={entityOptions.filter((e) => scope.role !== "manager" || scope.entityIds.includes(e.id))}
        // A collector's list is their own portfolio, a sales rep's their own clients: no point choosing.
        collectors={scope.role === "collector" ? null : byRole("collector", "supervisor")}
        salesReps={scope.role === "sales" ? null : byRole("sales")}
        groups={groupOptions}
        calculated={filterable}
      />
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? "Aucun client ne correspond à ces filtres" : "Aucun client dans votre périmètre"}
          description={filtered ? "Élargissez la recherche ou retirez un filtre." : "Les clients apparaissent après un import."}
        />
      ) : (
        <ClientListTable
          rows={rows}
          columns={columns}
          sort={sort}
          params={params}
          totals={totals}
          agingLabels={agingBucketLabels(agingLimits)}
          today={today}
          alerts={alerts}
          calculated={calculatedFields}
        />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={totals.count} params={params} />
    </div>
  );
}
