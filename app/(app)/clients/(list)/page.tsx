import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/clients/pagination";
import { SearchForm } from "@/components/clients/search-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listClients } from "@/db/queries/clients";
import { requireUser } from "@/lib/auth/session";
import { formatInteger, formatMoney } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Clients" };

const PAGE_SIZE = 50;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { db, scope } = await requireUser("clients.read");
  const params = await searchParams;
  const q = (params.q ?? "").trim().slice(0, 100);
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const { rows, totals } = await listClients(db, scope, { q: q || undefined, page, pageSize: PAGE_SIZE });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Clients</h1>
          <p className="text-sm text-muted-foreground">
            {formatInteger(totals.count)} client{totals.count > 1 ? "s" : ""}
            {q ? ` pour « ${q} »` : " dans votre périmètre"}
          </p>
        </div>
        <SearchForm defaultValue={q} />
      </div>
      {rows.length === 0 ? (
        <EmptyState
          title={q ? "Aucun client ne correspond à cette recherche" : "Aucun client dans votre périmètre"}
          description={q ? "Vérifiez l'orthographe ou cherchez par code client ou SIREN." : "Les clients apparaissent après un import."}
        />
      ) : (
        <div className="rounded-lg border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Code</TableHead>
                <TableHead>Raison sociale</TableHead>
                <TableHead>Ville</TableHead>
                <TableHead>Société</TableHead>
                <TableHead>Chargé de recouvrement</TableHead>
                <TableHead className="text-right">Encours</TableHead>
                <TableHead className="text-right">Échu</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="font-mono text-xs">{row.code}</TableCell>
                  <TableCell>
                    <Link href={`/clients/${row.id}`} className="font-medium hover:underline">
                      {row.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {row.city}
                    {row.department ? <span className="text-muted-foreground"> ({row.department})</span> : null}
                  </TableCell>
                  <TableCell>{row.entityCode}</TableCell>
                  <TableCell>{row.collectorName ?? "—"}</TableCell>
                  <TableCell className="tabular text-right">{formatMoney(row.outstanding)}</TableCell>
                  <TableCell className="tabular text-right text-destructive">
                    {Number(row.overdue) > 0 ? formatMoney(row.overdue) : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={5}>Total ({formatInteger(totals.count)} clients)</TableCell>
                <TableCell className="tabular text-right">{formatMoney(totals.outstanding)}</TableCell>
                <TableCell className="tabular text-right text-destructive">{formatMoney(totals.overdue)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={totals.count} params={{ q }} />
    </div>
  );
}
