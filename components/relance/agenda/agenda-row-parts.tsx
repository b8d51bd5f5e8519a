import type { AgendaRow } from "@/db/queries/agenda";
import { RowLink } from "@/components/ui/row-link";

/** Link to open an action in its panel, keeping the filters and the page. */
export function openHref(params: Record<string, string>, id: string) {
  return `?${new URLSearchParams({ ...params, action: id })}`;
}

export function ClientCell({ row, assignee }: { row: Pick<AgendaRow, "clientId" | "clientName" | "clientCode">; assignee?: string | null }) {
  return (
    <div className="min-w-36">
      <RowLink href={`/clients/${row.clientId}`} className="font-medium hover:underline">
        {row.clientName}
      </RowLink>
      <p className="text-xs text-muted-foreground">
        <span className="font-mono">{row.clientCode}</span>
        {assignee && ` · ${assignee}`}
      </p>
    </div>
  );
}
