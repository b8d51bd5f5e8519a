import Link from "next/link";
import type { AgendaRow } from "@/db/queries/agenda";

/** Link to open an action in its panel, keeping the filters and the page. */
export function openHref(params: Record<string, string>, id: string) {
  return `?${new URLSearchParams({ ...params, action: id })}`;
}

export function ClientCell({ row }: { row: Pick<AgendaRow, "clientId" | "clientName" | "clientCode"> }) {
  return (
    <div className="min-w-40">
      <Link href={`/clients/${row.clientId}`} className="font-medium hover:underline">
        {row.clientName}
      </Link>
      <p className="font-mono text-xs text-muted-foreground">{row.clientCode}</p>
    </div>
  );
}
